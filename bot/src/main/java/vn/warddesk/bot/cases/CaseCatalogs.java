package vn.warddesk.bot.cases;

import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog;

/**
 * The content a case is shown with: its own ward's catalog (procedure names, fees, what to bring, office, hours), also
 * after the ward was disabled, because a citizen's open case still has to be followed. Only a case of a ward that has
 * no content here any more falls back to the default ward's catalog.
 */
public final class CaseCatalogs {
    private final Catalog.ByWard wards;
    private final Catalog fallback;

    /** @param wards every ward with content here, served or not; {@code fallback} the default ward's catalog */
    public CaseCatalogs(Catalog.ByWard wards, Catalog fallback) {
        this.wards = wards;
        this.fallback = fallback;
    }

    /** One catalog for every case (a single-ward deployment, tests). */
    public static CaseCatalogs single(Catalog catalog) {
        return new CaseCatalogs(ward -> Optional.of(catalog), catalog);
    }

    public Catalog of(String wardId) {
        return wards.forWard(wardId).orElse(fallback);
    }
}
