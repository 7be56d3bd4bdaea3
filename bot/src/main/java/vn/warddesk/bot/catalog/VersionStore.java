package vn.warddesk.bot.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All SQL of the catalog: the append-only table of procedure versions, one series per ward and procedure. */
final class VersionStore {

    /** One stored version; content and changes are JSON text. */
    record Row(String procedureId, int version, String content, String author, Instant createdAt, String changes,
               Integer rollbackOf) {
    }

    private VersionStore() {
    }

    /** Changes whenever any version is committed (rows are never deleted), so a cache can tell it is stale. */
    static String stamp(Connection c, String wardId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM procedure_version WHERE ward_id = ?")) {
            s.setString(1, wardId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) + ":" + r.getLong(2);
            }
        }
    }

    /** {@link #stamp} of every ward that has versions, in one query. */
    static Map<String, String> stamps(Connection c) throws SQLException {
        Map<String, String> stamps = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ward_id, COUNT(*), COALESCE(MAX(id), 0) FROM procedure_version GROUP BY ward_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                stamps.put(r.getString(1), r.getLong(2) + ":" + r.getLong(3));
            }
        }
        return stamps;
    }

    static Map<String, Row> newestOfEach(Connection c, String wardId) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT v.procedure_id, v.version, v.content, v.author, v.created_at, v.changes, v.rollback_of"
                + " FROM procedure_version v JOIN (SELECT procedure_id, MAX(version) AS version FROM procedure_version"
                + " WHERE ward_id = ? GROUP BY procedure_id) n"
                + " ON n.procedure_id = v.procedure_id AND n.version = v.version WHERE v.ward_id = ?")) {
            s.setString(1, wardId);
            s.setString(2, wardId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Row row = row(r);
                    rows.put(row.procedureId(), row);
                }
            }
        }
        return rows;
    }

    /**
     * Serialises writers of one procedure: a record lock on its version 1 (an exact unique-key match, so no gap
     * locks), taken before anything else, so that concurrent saves queue instead of deadlocking.
     */
    static void lockProcedure(Connection c, String wardId, String procedureId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM procedure_version WHERE ward_id = ? AND procedure_id = ? AND version = 1 FOR UPDATE")) {
            s.setString(1, wardId);
            s.setString(2, procedureId);
            s.executeQuery().close();
        }
    }

    /** The newest version, locked so that two editors (or instances) cannot both append the same number. */
    static Optional<Row> newestForUpdate(Connection c, String wardId, String procedureId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT procedure_id, version, content, author, created_at, changes, rollback_of FROM procedure_version"
                + " WHERE ward_id = ? AND procedure_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE")) {
            s.setString(1, wardId);
            s.setString(2, procedureId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    static Optional<Row> version(Connection c, String wardId, String procedureId, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT procedure_id, version, content, author, created_at, changes, rollback_of FROM procedure_version"
                + " WHERE ward_id = ? AND procedure_id = ? AND version = ?")) {
            s.setString(1, wardId);
            s.setString(2, procedureId);
            s.setInt(3, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /** Newest first, without content (the list view). */
    static List<Row> history(Connection c, String wardId, String procedureId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT procedure_id, version, NULL AS content, author, created_at, changes, rollback_of"
                + " FROM procedure_version WHERE ward_id = ? AND procedure_id = ? ORDER BY version DESC")) {
            s.setString(1, wardId);
            s.setString(2, procedureId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    static void insert(Connection c, String wardId, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO procedure_version (procedure_id, version, content, author, created_at, changes, rollback_of,"
                + " ward_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, row);
            s.setString(8, wardId);
            s.executeUpdate();
        }
    }

    /** Version 1 from the seed file; a second instance starting at the same moment simply finds it there. */
    static boolean insertFirst(Connection c, String wardId, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT IGNORE INTO procedure_version (procedure_id, version, content, author, created_at, changes,"
                + " rollback_of, ward_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, row);
            s.setString(8, wardId);
            return s.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement s, Row row) throws SQLException {
        s.setString(1, row.procedureId());
        s.setInt(2, row.version());
        s.setString(3, row.content());
        s.setString(4, row.author());
        s.setTimestamp(5, Timestamp.valueOf(row.createdAt().atOffset(ZoneOffset.UTC).toLocalDateTime()));
        s.setString(6, row.changes());
        if (row.rollbackOf() == null) {
            s.setNull(7, java.sql.Types.INTEGER);
        } else {
            s.setInt(7, row.rollbackOf());
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        int rollback = r.getInt("rollback_of");
        Integer rollbackOf = r.wasNull() ? null : rollback;
        return new Row(r.getString("procedure_id"), r.getInt("version"), r.getString("content"), r.getString("author"),
                       r.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC), r.getString("changes"),
                       rollbackOf);
    }
}
