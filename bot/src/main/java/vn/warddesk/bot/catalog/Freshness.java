package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.config.Config;

/**
 * Which procedures an editor must look at, as of one day: a review older than the allowed age, a legal basis that
 * has expired or expires soon (problems: something must be done), a legal change scheduled further ahead or facts
 * marked uncertain (notices: worth knowing, nothing is wrong yet). A pure function of the content and the day, so
 * the same rules serve {@code ./warddesk content check}, the start-up warning, the staff banner and the metric.
 */
final class Freshness {
    /** Severity decides the exit code of the command line: only problems make it fail. */
    enum Kind {
        REVIEW_OVERDUE(true), BASIS_EXPIRED(true), BASIS_EXPIRING(true),
        CHANGE_AHEAD(false), NOT_YET_IN_FORCE(false), UNCERTAIN(false);

        final boolean problem;

        Kind(boolean problem) {
            this.problem = problem;
        }
    }

    /**
     * @param reviewMaxAgeDays  a review older than this many days is overdue ({@code catalog.review-max-age})
     * @param expiryWarningDays a legal basis ending within this many days must be dealt with now
     *                          ({@code catalog.expiry-warning})
     */
    public record Settings(long reviewMaxAgeDays, long expiryWarningDays) {
        static final Settings DEFAULTS = new Settings(90, 60);

        static Settings from(Config catalog) {
            return new Settings(days(catalog, "review-max-age", DEFAULTS.reviewMaxAgeDays),
                                days(catalog, "expiry-warning", DEFAULTS.expiryWarningDays));
        }

        private static long days(Config catalog, String key, long fallback) {
            String value = catalog.get(key).asString().orElse("P" + fallback + "D");
            try {
                long days = java.time.Duration.parse(value).toDays();
                if (days < 1) {
                    throw new io.helidon.config.ConfigException("catalog." + key + " must be at least one day, got " + value);
                }
                return days;
            } catch (java.time.format.DateTimeParseException e) {
                throw new io.helidon.config.ConfigException("catalog." + key + " must be an ISO-8601 duration in days"
                                                            + " like P90D, got '" + value + "'");
            }
        }
    }

    /**
     * One thing found. {@code subject} is what it is about (a document number, "review", a field); {@code date} the
     * day that matters (review date, end or start of a legal basis) or null.
     */
    record Finding(String procedureId, Kind kind, String subject, LocalDate date, String detail) {
        boolean problem() {
            return kind.problem;
        }
    }

    record Report(LocalDate today, Settings settings, List<Finding> findings) {
        List<Finding> problems() {
            return findings.stream().filter(Finding::problem).toList();
        }

        List<Finding> notices() {
            return findings.stream().filter(f -> !f.problem()).toList();
        }

        /** Procedures with at least one problem, in catalog order: the number the metric shows. */
        Set<String> needingAction() {
            Set<String> ids = new LinkedHashSet<>();
            problems().forEach(f -> ids.add(f.procedureId()));
            return ids;
        }

        Set<String> withKind(Kind kind) {
            Set<String> ids = new LinkedHashSet<>();
            findings.stream().filter(f -> f.kind() == kind).forEach(f -> ids.add(f.procedureId()));
            return ids;
        }
    }

    private Freshness() {
    }

    static Report check(Map<String, Procedure> procedures, LocalDate today, Settings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Procedure p : procedures.values()) {
            review(p, today, settings, findings);
            if (p.legalBasis() != null) {
                for (Procedure.LegalBasis basis : p.legalBasis()) {
                    validity(p.id(), basis, today, settings, findings);
                }
            }
            uncertain(p, findings);
        }
        findings.sort(Comparator.comparing((Finding f) -> !f.problem()));
        return new Report(today, settings, List.copyOf(findings));
    }

    private static void review(Procedure p, LocalDate today, Settings settings, List<Finding> findings) {
        if (p.reviewed() == null) {
            return;
        }
        long age = ChronoUnit.DAYS.between(p.reviewed(), today);
        if (age > settings.reviewMaxAgeDays()) {
            findings.add(new Finding(p.id(), Kind.REVIEW_OVERDUE, "review", p.reviewed(),
                                     "last reviewed " + p.reviewed() + ", " + age + " days ago (limit "
                                     + settings.reviewMaxAgeDays() + ")"));
        }
    }

    private static void validity(String id, Procedure.LegalBasis basis, LocalDate today, Settings settings,
                                 List<Finding> findings) {
        String name = basis.number() == null ? basis.title() : basis.number();
        String replacement = basis.replacedBy() == null || basis.replacedBy().isBlank()
                             ? "" : ", replaced by " + basis.replacedBy();
        LocalDate until = basis.inForceUntil();
        if (until != null) {
            long days = ChronoUnit.DAYS.between(today, until);
            if (days <= 0) {
                findings.add(new Finding(id, Kind.BASIS_EXPIRED, name, until,
                                         name + " no longer in force since " + until + replacement));
            } else if (days <= settings.expiryWarningDays()) {
                findings.add(new Finding(id, Kind.BASIS_EXPIRING, name, until,
                                         name + " ends on " + until + " (in " + days + " days)" + replacement));
            } else {
                findings.add(new Finding(id, Kind.CHANGE_AHEAD, name, until,
                                         name + " ends on " + until + " (in " + days + " days)" + replacement));
            }
        }
        if (basis.inForceFrom() != null && basis.inForceFrom().isAfter(today)) {
            findings.add(new Finding(id, Kind.NOT_YET_IN_FORCE, name, basis.inForceFrom(),
                                     name + " comes into force on " + basis.inForceFrom() + " (in "
                                     + ChronoUnit.DAYS.between(today, basis.inForceFrom()) + " days)"));
        }
    }

    private static void uncertain(Procedure p, List<Finding> findings) {
        List<String> facts = new ArrayList<>();
        if (p.fee() != null && Boolean.TRUE.equals(p.fee().uncertain())) {
            facts.add("fee");
        }
        if (p.processingTime() != null && Boolean.TRUE.equals(p.processingTime().uncertain())) {
            facts.add("processing time");
        }
        if (Boolean.TRUE.equals(p.eligibilityUncertain())) {
            facts.add("eligibility");
        }
        if (Boolean.TRUE.equals(p.portalCodeUncertain())) {
            facts.add("national procedure code");
        }
        if (p.documents() != null) {
            long documents = p.documents().stream().filter(d -> d != null && Boolean.TRUE.equals(d.uncertain())).count();
            if (documents > 0) {
                facts.add(documents + " document(s)");
            }
        }
        if (p.legalBasis() != null) {
            p.legalBasis().stream().filter(b -> b != null && Boolean.TRUE.equals(b.uncertain()))
                    .map(b -> b.number() == null ? b.title() : b.number())
                    .forEach(number -> facts.add("legal basis " + number));
        }
        boolean primary = p.sources() != null && p.sources().stream()
                .anyMatch(s -> s != null && Boolean.TRUE.equals(s.primary()) && s.accessed() != null);
        if (!primary) {
            facts.add("no primary source read");
        }
        for (String fact : facts) {
            findings.add(new Finding(p.id(), Kind.UNCERTAIN, fact, null, fact.startsWith("no primary")
                    ? "no source with primary: true and an accessed date" : fact + " not confirmed from a primary text"));
        }
    }
}
