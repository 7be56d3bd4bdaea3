package vn.warddesk.bot.ward;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;

/** All SQL of the ward registry: provinces and wards, added and disabled, never deleted. */
public final class WardStore {
    private static final String WARD_COLUMNS = "id, province_id, name_vi, name_en, enabled, officer_second_factor";

    private final DataSource dataSource;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public WardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called with the ward's id after this store changed a ward (caches of ward rows drop their copy). */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void changed(String wardId) {
        changeListeners.forEach(listener -> listener.accept(wardId));
    }

    public List<Ward> list() {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + WARD_COLUMNS + " FROM ward ORDER BY id");
                 ResultSet rows = ps.executeQuery()) {
                List<Ward> wards = new ArrayList<>();
                while (rows.next()) {
                    wards.add(ward(rows));
                }
                return wards;
            }
        });
    }

    public Optional<Ward> find(String wardId) {
        if (!Ward.isId(wardId)) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + WARD_COLUMNS + " FROM ward WHERE id = ?")) {
                ps.setString(1, wardId);
                try (ResultSet rows = ps.executeQuery()) {
                    return rows.next() ? Optional.of(ward(rows)) : Optional.<Ward>empty();
                }
            }
        });
    }

    public List<Province> provinces() {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name_vi, name_en FROM province ORDER BY id");
                 ResultSet rows = ps.executeQuery()) {
                List<Province> provinces = new ArrayList<>();
                while (rows.next()) {
                    provinces.add(new Province(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
                return provinces;
            }
        });
    }

    /** Adds the province, or renames it when it exists. */
    public void putProvince(Province province, Instant now) {
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO province (id, name_vi, name_en, created_at) VALUES (?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE name_vi = VALUES(name_vi), name_en = VALUES(name_en)""")) {
                ps.setString(1, province.id());
                ps.setString(2, province.nameVi());
                ps.setString(3, province.nameEn());
                ps.setTimestamp(4, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Adds the ward, or updates its names, province and policy when it exists. The province must exist.
     * {@code enabled} of an existing ward is left alone: only {@link #setEnabled} changes it.
     */
    public void putWard(Ward ward, Instant now) {
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ward (id, province_id, name_vi, name_en, enabled, officer_second_factor, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE province_id = VALUES(province_id), name_vi = VALUES(name_vi),
                                            name_en = VALUES(name_en),
                                            officer_second_factor = VALUES(officer_second_factor)""")) {
                ps.setString(1, ward.id());
                ps.setString(2, ward.provinceId());
                ps.setString(3, ward.nameVi());
                ps.setString(4, ward.nameEn());
                ps.setBoolean(5, ward.enabled());
                ps.setBoolean(6, ward.officerSecondFactor());
                ps.setTimestamp(7, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        changed(ward.id());
    }

    /** Enables or disables a ward; false when there is no such ward. */
    public boolean setEnabled(String wardId, boolean enabled) {
        boolean found = Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ward SET enabled = ? WHERE id = ?")) {
                ps.setBoolean(1, enabled);
                ps.setString(2, wardId);
                return ps.executeUpdate() > 0 || exists(c, wardId);
            }
        });
        changed(wardId);
        return found;
    }

    private static boolean exists(java.sql.Connection c, String wardId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ward WHERE id = ?")) {
            ps.setString(1, wardId);
            try (ResultSet rows = ps.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Ward ward(ResultSet rows) throws SQLException {
        return new Ward(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getBoolean(5), rows.getBoolean(6));
    }
}
