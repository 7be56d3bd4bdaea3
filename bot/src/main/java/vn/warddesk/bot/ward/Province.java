package vn.warddesk.bot.ward;

import java.util.Objects;

/** A province (or centrally run city) hosting wards of this deployment. */
public record Province(String id, String nameVi, String nameEn) {
    public Province {
        Ward.requireId(id);
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
