package vn.warddesk.bot.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads back the QR codes the server draws as SVG (one 1×1 rect per dark module), with zxing's own decoder. */
public final class QrCodes {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"1\" height=\"1\"/>");
    private static final int SCALE = 4;

    private QrCodes() {
    }

    public static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("not a QR SVG: " + svg.substring(0, Math.min(200, svg.length())));
        }
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        int[] pixels = new int[w * SCALE * h * SCALE];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * w * SCALE + x * SCALE + dx] = 0;
                }
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(w * SCALE, h * SCALE, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
