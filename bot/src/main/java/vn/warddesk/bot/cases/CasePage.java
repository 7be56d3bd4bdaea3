package vn.warddesk.bot.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.text.Texts;
import vn.warddesk.bot.text.WardTexts;

/**
 * The citizen's case page at {@code <public-base-url>/c/<code>}: no sign-in, but the code alone opens nothing.
 * A look-up needs the code plus a short check, either of:
 * <ul>
 *   <li>the last 3 digits of the phone number given in the request (what a citizen remembers), while the case
 *   still holds that number (erasure removes it, and with it this way in);</li>
 *   <li>the 4-digit code check ({@link CaseLinks#codeCheck}): in the QR code and the links the bot sends and printed
 *   on the slip; works for cases without a phone and keeps working after erasure.</li>
 * </ul>
 * With 10^6 random codes per year and prefix and 10^3 or 10^4 checks, and look-ups rate-limited per client address
 * ({@code conversation.status-lookups-per-minute}), guessing a case is out of reach. A wrong check answers exactly like
 * an unknown code (404), so a guess does not even learn that a code exists.
 *
 * <p>What the page shows is what the citizen needs and nothing that identifies them: status, procedure, appointment
 * day, what to bring, office address and hours, and the staff replies written for this case. Never the name or phone.
 */
public final class CasePage {
    private static final String PHONE_FIELD = "phone";
    private static final String DAY_FIELD = "preferred_day";

    private final Cases cases;
    private final CaseCatalogs catalogs;
    private final CaseLinks links;
    private final Clock clock;
    private final WardTexts texts;

    public CasePage(Cases cases, Catalog catalog, CaseLinks links, Clock clock) {
        this(cases, CaseCatalogs.single(catalog), links, clock, WardTexts.defaults());
    }

    /**
     * @param catalogs each case is shown with its own ward's content (procedure, fee, what to bring, office)
     * @param texts the wards' texts (the status label)
     */
    public CasePage(Cases cases, CaseCatalogs catalogs, CaseLinks links, Clock clock, WardTexts texts) {
        this.texts = texts;
        this.cases = cases;
        this.catalogs = catalogs;
        this.links = links;
        this.clock = clock;
    }

    /** The link to give a citizen (QR code, status messages): see {@link CaseLinks#url}. */
    public String url(String code) {
        return links.url(code);
    }

    /** What the slip's QR code holds: the full link when {@code check} opens the case, else the bare page address. */
    Optional<String> qrContent(String code, String check) {
        return cases.byCode(code).map(k -> opens(k, check) ? links.url(code) : links.pageAddress(code));
    }

    /** Whether {@code check} opens this case: its code check, or the last 3 digits of the phone it holds. */
    boolean opens(Cases.Case k, String check) {
        String given = check == null ? "" : check.replaceAll("\\D", "");
        if (given.length() == 4) {
            return same(given, links.codeCheck(k.code()));
        }
        if (given.length() == 3) {
            String phone = Optional.ofNullable(k.fields().get(PHONE_FIELD)).orElse("").replaceAll("\\D", "");
            return phone.length() >= 3 && same(given, phone.substring(phone.length() - 3));
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The page's data, or empty when there is no such case or the check does not open it (the caller says 404). */
    Optional<Map<String, Object>> view(String code, String check, Lang lang) {
        return cases.byCode(code).filter(k -> opens(k, check)).map(k -> view(k, lang));
    }

    private Map<String, Object> view(Cases.Case k, Lang lang) {
        Catalog catalog = catalogs.of(k.wardId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", k.code());
        out.put("status", k.status());
        out.put("statusLabel", statusLabel(texts.of(k.wardId(), lang.tag()), k.status()));
        out.put("procedure", k.procedure().orElse(null));
        out.put("procedureName", k.procedure().flatMap(p -> procedureName(catalog, p, lang)).orElse(null));
        out.put("appointmentDay", Optional.ofNullable(k.fields().get(DAY_FIELD)).flatMap(CasePage::date)
                .map(LocalDate::toString).orElse(null));
        out.put("updatedAt", k.updatedAt().toString());
        out.putAll(wardContent(catalog, k, lang, clock));
        out.put("messages", cases.staffMessages(k.code()).stream()
                .map(m -> Map.of("text", m.text(), "at", m.at().toString())).toList());
        return out;
    }

    /** The procedure's name as the case's ward calls it. */
    static Optional<String> procedureName(Catalog catalog, String procedure, Lang lang) {
        return catalog.procedures(lang).stream().filter(s -> s.id().equals(procedure))
                .map(Catalog.ProcedureSummary::name).findFirst();
    }

    /**
     * What the case's ward tells about it, shared by the case page and the status look-up (none of it personal): its
     * fee and what to bring for the case's procedure, and the office (name, where, hours).
     */
    static Map<String, Object> wardContent(Catalog catalog, Cases.Case k, Lang lang, Clock clock) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wardId", k.wardId());
        Optional<String> procedure = k.procedure().filter(catalog::knows);
        out.put("fee", procedure.flatMap(p -> catalog.answer(p, "fee", lang))
                .map(a -> Map.of("text", a.text(), "items", a.items())).orElse(null));
        out.put("bring", procedure.flatMap(p -> catalog.answer(p, "documents", lang))
                .map(a -> Map.of("text", a.text(), "items", a.items())).orElse(null));
        Catalog.Answer location = catalog.officeLocation(lang);
        Catalog.Answer hours = catalog.officeHours(lang, ZonedDateTime.now(clock));
        out.put("office", Map.of("name", catalog.officeName(lang), "where", location.text(),
                                 "hoursNow", hours.text(), "hours", hours.items()));
        return out;
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String statusLabel(Texts texts, String status) {
        String key = "case.page.status." + status;
        return texts.has(key) ? texts.get(key) : status;
    }

    /**
     * GET /c/{code}: the same small page for every code (its script reads the code from the path and the check from
     * the fragment or asks for it). Strict CSP, no referrer, not framed.
     */
    public void html(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .header(HeaderNames.create("Content-Security-Policy"),
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                .header(HeaderNames.create("Referrer-Policy"), "no-referrer")
                .header(HeaderNames.create("X-Content-Type-Options"), "nosniff")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(PAGE);
    }

    private static final byte[] PAGE = page();

    private static byte[] page() {
        try (var in = CasePage.class.getClassLoader().getResourceAsStream("web/case/index.html")) {
            return in == null ? "<!doctype html><title>WardDesk</title><p>Case page missing from this build.".getBytes(
                    StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
