package vn.warddesk.bot.ward;

import java.util.Objects;
import java.util.regex.Pattern;

/** One commune or ward served by this deployment, as the registry stores it. */
public record Ward(String id, String provinceId, String nameVi, String nameEn, boolean enabled,
                  boolean officerSecondFactor) {
    /** Ward and province ids: lower-case ASCII words joined by '-', as they appear in paths like /kiosk/{ward}/. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_ID = 64;

    public Ward {
        requireId(id);
        requireId(provinceId);
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
    }

    /** True when {@code candidate} has the shape of a ward or province id (says nothing about whether it exists). */
    public static boolean isId(String candidate) {
        return candidate != null && candidate.length() <= MAX_ID && ID.matcher(candidate).matches();
    }

    static void requireId(String candidate) {
        if (!isId(candidate)) {
            throw new IllegalArgumentException("not a ward or province id (a-z, 0-9 and '-', at most 64): " + candidate);
        }
    }
}
