package vn.warddesk.bot.http;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code as SVG (ZXing), for appointment slips and authenticator enrolment. */
public final class QrSvg {
    private QrSvg() {
    }

    public static String of(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                                               Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                                      EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("a text too long for a QR code", e);
        }
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                                              + "\" width=\"" + (w * 8) + "\" height=\"" + (h * 8)
                                              + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
                                              + " fill=\"#fff\"/>");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\"/>");
                }
            }
        }
        return svg.append("</svg>").toString();
    }
}
