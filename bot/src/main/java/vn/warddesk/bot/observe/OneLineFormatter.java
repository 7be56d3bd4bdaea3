package vn.warddesk.bot.observe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Structured one-line log records: {@code time level logger msg="..." error=Type}. Messages go through
 * {@link LogMask} as a last line of defence; stack traces are reduced to the exception type and message.
 */
public final class OneLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
                .append(" level=").append(record.getLevel().getName())
                .append(" logger=").append(shortName(record.getLoggerName()))
                .append(" msg=\"").append(LogMask.mask(formatMessage(record)).replace("\"", "'")).append('"');
        if (record.getThrown() != null) {
            Throwable thrown = record.getThrown();
            line.append(" error=").append(thrown.getClass().getSimpleName())
                    .append(" cause=\"").append(LogMask.mask(String.valueOf(thrown.getMessage())).replace("\"", "'"))
                    .append('"');
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "-";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
