package vn.warddesk.bot.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All SQL of the province layer: the append-only table province_value_version, one series per province and procedure. */
final class ProvinceVersions {
    private static final String COLUMNS = "procedure_id, version, content, author, created_at, changes";

    /** One stored version; content (the partial procedure document) and changes are JSON text. */
    record Row(String procedureId, int version, String content, String author, Instant createdAt, String changes) {
    }

    private ProvinceVersions() {
    }

    static Optional<Row> newest(Connection c, String provinceId, String procedureId, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM province_value_version WHERE province_id = ? AND procedure_id = ?"
                + " ORDER BY version DESC LIMIT 1" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, provinceId);
            s.setString(2, procedureId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /** Newest first. */
    static List<Row> history(Connection c, String provinceId, String procedureId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM province_value_version WHERE province_id = ? AND procedure_id = ?"
                + " ORDER BY version DESC")) {
            s.setString(1, provinceId);
            s.setString(2, procedureId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    /** Appends a version; {@code ignoreExisting} for version 1 from the file (another instance may have stored it). */
    static boolean insert(Connection c, String provinceId, Row row, boolean ignoreExisting) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT " + (ignoreExisting ? "IGNORE " : "") + "INTO province_value_version (province_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, provinceId);
            s.setString(2, row.procedureId());
            s.setInt(3, row.version());
            s.setString(4, row.content());
            s.setString(5, row.author());
            s.setTimestamp(6, Timestamp.valueOf(row.createdAt().atOffset(ZoneOffset.UTC).toLocalDateTime()));
            s.setString(7, row.changes());
            return s.executeUpdate() == 1;
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString("procedure_id"), r.getInt("version"), r.getString("content"), r.getString("author"),
                       r.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC), r.getString("changes"));
    }
}
