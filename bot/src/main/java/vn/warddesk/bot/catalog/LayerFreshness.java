package vn.warddesk.bot.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The freshness rules over the province and ward layers ({@code config/provinces}, {@code config/wards}): what a layer
 * adds to the national findings for each ward's effective procedures (a stale review date, an expired legal basis or
 * an uncertain fee a province or ward set), and each ward's office calendar and privacy notice. A finding the
 * national text already has is not repeated per ward: the national section lists it once.
 */
final class LayerFreshness {
    /** One finding in one ward, naming the layer file(s) it comes from. */
    record Finding(String wardId, String files, Freshness.Finding finding) {
    }

    private LayerFreshness() {
    }

    /**
     * @param today each ward's "today" (its office's time zone, or a fixed day)
     * @param national the national findings, by procedure (not repeated here)
     */
    static List<Finding> check(WardFolders.Loaded loaded, Path catalogDir, Path wardsDir, Path provincesDir,
                               Function<ZoneId, LocalDate> today, Freshness.Settings settings,
                               Set<Freshness.Finding> national) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (WardFolders.WardEntry ward : loaded.wards()) {
            Seed seed = ward.seed();
            LocalDate day = today.apply(ZoneId.of(seed.office().timezone()));
            for (Map.Entry<String, Map<String, String>> entry : ward.provenance().entrySet()) {
                Set<String> files = layerFiles(entry.getValue().values(), wardsDir, provincesDir, entry.getKey());
                if (files.isEmpty()) {
                    continue; // the national text alone: its findings are the national section's
                }
                Freshness.Report report = Freshness.check(Map.of(entry.getKey(), seed.procedures().get(entry.getKey())),
                                                          day, settings);
                for (Freshness.Finding f : report.findings()) {
                    // A province layer is shared by its wards: its finding is listed under the first ward only.
                    if (!national.contains(f) && seen.add(ward.id() + files + f)
                        && (onlyProvince(files) ? seen.add(files + "|" + f) : true)) {
                        out.add(new Finding(ward.id(), String.join(" + ", files), f));
                    }
                }
            }
            office(ward, catalogDir, wardsDir, day, settings, out);
            notice(ward, catalogDir, wardsDir, day, out);
        }
        out.sort(Comparator.comparing((Finding f) -> !f.finding().problem()));
        return out;
    }

    private static boolean onlyProvince(Set<String> files) {
        return files.stream().allMatch(f -> f.endsWith("province.yaml"));
    }

    /** The files of the layers above the national text ("province:x", "ward:y" origins). */
    private static Set<String> layerFiles(java.util.Collection<String> origins, Path wardsDir, Path provincesDir,
                                          String procedureId) {
        Set<String> files = new LinkedHashSet<>();
        for (String origin : origins) {
            if (origin.startsWith("province:")) {
                files.add(provincesDir.resolve(origin.substring("province:".length())).resolve("province.yaml")
                                  .toString());
            } else if (origin.startsWith("ward:")) {
                files.add(wardsDir.resolve(origin.substring("ward:".length())).resolve(Seed.procedureFile(procedureId))
                                  .toString());
            }
        }
        return files;
    }

    private static Path own(Path catalogDir, Path wardsDir, String wardId, String file) {
        Path mine = wardsDir.resolve(wardId).resolve(file);
        return Files.isRegularFile(mine) ? mine : catalogDir.resolve(file);
    }

    /** The office's closed days must reach past the warning window, or the kiosk offers a holiday as a day to come. */
    private static void office(WardFolders.WardEntry ward, Path catalogDir, Path wardsDir, LocalDate today,
                               Freshness.Settings settings, List<Finding> out) {
        Path file = own(catalogDir, wardsDir, ward.id(), "office.yaml");
        List<Office.Holiday> holidays = ward.seed().office().holidays();
        LocalDate last = holidays == null ? null : holidays.stream().map(Office.Holiday::date)
                .max(Comparator.naturalOrder()).orElse(null);
        if (last == null || ChronoUnit.DAYS.between(today, last) <= settings.expiryWarningDays()) {
            String detail = last == null ? "no holidays listed: add the year's closed days"
                    : "holiday calendar ends on " + last + ": add the coming year's closed days";
            out.add(new Finding(ward.id(), file.toString(), new Freshness.Finding(
                    "office", Freshness.Kind.BASIS_EXPIRING, "holidays", last, detail)));
        }
    }

    /**
     * A ward with an office of its own but no notice of its own shows the catalog's notice, whose controller is
     * another ward's People's Committee: that needs action. A notice taking effect later is listed.
     */
    private static void notice(WardFolders.WardEntry ward, Path catalogDir, Path wardsDir, LocalDate today,
                               List<Finding> out) {
        Path file = own(catalogDir, wardsDir, ward.id(), "privacy-notice.yaml");
        boolean ownOffice = Files.isRegularFile(wardsDir.resolve(ward.id()).resolve("office.yaml"));
        if (ownOffice && file.startsWith(catalogDir)) {
            out.add(new Finding(ward.id(), wardsDir.resolve(ward.id()).resolve("privacy-notice.yaml").toString(),
                    new Freshness.Finding("privacy notice", Freshness.Kind.REVIEW_OVERDUE, "controller", null,
                            "missing: the ward shows the catalog's notice, whose controller is "
                            + ward.seed().notice().controller().vi())));
        }
        LocalDate effective = ward.seed().notice().effective();
        if (effective != null && effective.isAfter(today)) {
            out.add(new Finding(ward.id(), file.toString(), new Freshness.Finding(
                    "privacy notice", Freshness.Kind.NOT_YET_IN_FORCE, "version " + ward.seed().notice().version(),
                    effective, "version " + ward.seed().notice().version() + " takes effect on " + effective)));
        }
    }
}
