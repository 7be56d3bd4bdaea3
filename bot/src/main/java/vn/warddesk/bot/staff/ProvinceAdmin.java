package vn.warddesk.bot.staff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.catalog.ProvinceLayer;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/**
 * What a province admin does, always inside its own province (the province of its account's ward): list and create
 * wards, create staff accounts in them, read counts across them. A ward of another province answers 404 as if it
 * did not exist. It never reaches cases, notes, audit entries or texts.
 */
final class ProvinceAdmin {
    private final WardStore wards;
    private final StaffAuth auth;
    private final ProvinceAnalytics analytics;
    private final Audit audit;
    private final Clock clock;
    private volatile ProvinceLayer layer;

    ProvinceAdmin(WardStore wards, StaffAuth auth, ProvinceAnalytics analytics, Audit audit, Clock clock) {
        this.wards = wards;
        this.auth = auth;
        this.analytics = analytics;
        this.audit = audit;
        this.clock = clock;
    }

    Object province(StaffService.Call call) {
        String province = provinceOf(call);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provinceId", province);
        json.put("wards", wardsOf(province).stream().map(ProvinceAdmin::json).toList());
        return json;
    }

    /** Body {"id", "nameVi", "nameEn"}: a new ward of the province (an existing id, of any province, is 409). */
    Object createWard(StaffService.Call call) {
        String province = provinceOf(call);
        JsonNode body = call.body();
        String id = StaffService.textField(body, "id").strip();
        String nameVi = StaffService.textField(body, "nameVi").strip();
        String nameEn = StaffService.textField(body, "nameEn").strip();
        if (!Ward.isId(id)) {
            throw ApiProblem.badRequest("'id' must be lower-case letters, digits and '-' (at most 64), like phuong-hoa-khanh.");
        }
        if (nameVi.isEmpty() || nameVi.length() > 200 || nameEn.length() > 200) {
            throw ApiProblem.badRequest("'nameVi' (required) and 'nameEn' must be at most 200 characters.");
        }
        if (wards.find(id).isPresent()) {
            throw new ApiProblem(409, "ward_exists", "A ward with that id exists already.");
        }
        Ward ward = new Ward(id, province, nameVi, nameEn.isEmpty() ? nameVi : nameEn, true, false);
        wards.putWard(ward, clock.instant());
        audit.record(call.account(), "province.ward_create", "ward:" + id, "province:" + province, call.ip());
        return json(ward);
    }

    /** Body {"username", "displayName", "roles"}: an account of a ward of the province (never a province admin). */
    Object createAccount(StaffService.Call call) {
        String province = provinceOf(call);
        String wardId = call.request().path().pathParameters().get("ward");
        Ward ward = wards.find(wardId).filter(w -> w.provinceId().equals(province))
                .orElseThrow(() -> ApiProblem.notFound("No such ward in your province."));
        Set<Role> roles = StaffService.roles(call.body());
        if (roles.contains(Role.PROVINCE_ADMIN)) {
            throw ApiProblem.forbidden("Province admins are made on the command line only.");
        }
        StaffAuth.Created created = auth.createAccount(ward.id(), StaffService.textField(call.body(), "username"),
                                                       StaffService.textField(call.body(), "displayName"), roles);
        // Written to the audit log of the ward that gets the account, so its own admin sees it.
        audit.record(call.account().username(), ward.id(), "account.create", "account:" + created.account().username(),
                     Role.csv(roles) + " (by province admin)", call.ip());
        Map<String, Object> json = StaffService.accountJson(created.account());
        json.put("wardId", ward.id());
        json.put("oneTimePassword", created.oneTimePassword());
        return json;
    }

    /** Counts per ward of the province for the last {@code days} days: no personal data, no texts. */
    Object analytics(StaffService.Call call) {
        String province = provinceOf(call);
        int days = call.request().query().first("days").asOptional().map(ProvinceAdmin::days).orElse(30);
        List<String> ids = wardsOf(province).stream().map(Ward::id).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provinceId", province);
        json.put("days", days);
        json.put("wards", analytics.counts(ids, clock.instant().minus(java.time.Duration.ofDays(days))));
        return json;
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= 366) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("days must be between 1 and 366.");
    }

    /** The province layer once the catalog is loaded (many-ward layout); without it the editing routes answer 404. */
    void editWith(ProvinceLayer layer) {
        this.layer = layer;
    }

    /** One procedure's province values: {provinceId, procedureId, version, values, effective, wards}. */
    Object provinceProcedure(StaffService.Call call) {
        String province = provinceOf(call);
        ProvinceLayer.View view = layer().view(province, procedureId(call))
                .orElseThrow(() -> ApiProblem.notFound("No such procedure in your province's layer."));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provinceId", view.provinceId());
        json.put("procedureId", view.procedureId());
        json.put("version", view.version());
        json.put("values", view.values());
        json.put("keys", List.of("fee", "processing_time"));
        json.put("effective", Map.of("fee", view.effective().path("fee"),
                                     "processing_time", view.effective().path("processing_time")));
        json.put("wards", view.wards());
        return json;
    }

    /** Newest first: version, author, time, changed paths (old and new values). */
    Object provinceProcedureVersions(StaffService.Call call) {
        String province = provinceOf(call);
        String id = procedureId(call);
        layer().view(province, id).orElseThrow(() -> ApiProblem.notFound("No such procedure in your province's layer."));
        return Map.of("versions", layer().history(province, id).stream().map(v -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", v.version());
            json.put("author", v.author());
            json.put("createdAt", v.createdAt().toString());
            json.put("changes", v.changes());
            return json;
        }).toList());
    }

    /**
     * Body {"values": {"fee": {...}, "processing_time": {...}}}, header If-Match: the version the editor started from.
     * Validated over the national text and every ward of the province; stored as a new version and laid over the
     * wards' live content (a ward's own value is kept). Audited with the changed paths and the wards, never values.
     */
    Object saveProvinceProcedure(StaffService.Call call) {
        String province = provinceOf(call);
        String id = procedureId(call);
        layer().view(province, id).orElseThrow(() -> ApiProblem.notFound("No such procedure in your province's layer."));
        JsonNode values = call.body().get("values");
        Optional<Integer> basedOn = call.request().headers().first(io.helidon.http.HeaderNames.IF_MATCH)
                .map(v -> v.replace("\"", "").strip()).map(ProvinceAdmin::version);
        ProvinceLayer.Saved saved;
        try {
            saved = layer().save(province, id, values, call.account().username(), basedOn);
        } catch (ProvinceLayer.Refused e) {
            throw new ApiProblem(422, "invalid_province_values", e.getMessage() + "; nothing was changed")
                    .with("problems", e.problems());
        }
        if (saved.conflict()) {
            throw new ApiProblem(409, "version_conflict", "Someone saved version " + saved.version()
                                                          + " in the meantime: reload and apply your change again.");
        }
        if (!saved.unchanged()) {
            audit.record(call.account(), "province.values_change", "procedure:" + id,
                         "province:" + province + " version " + saved.version() + "; " + String.join(",", saved.changedPaths())
                         + "; wards updated: " + String.join(",", saved.wardsUpdated())
                         + (saved.wardsKeepingOwn().isEmpty() ? "" : "; wards keeping their own: "
                                                                       + String.join(",", saved.wardsKeepingOwn())),
                         call.ip());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", saved.version());
        json.put("unchanged", saved.unchanged());
        json.put("changes", saved.changedPaths());
        json.put("wardsUpdated", saved.wardsUpdated());
        json.put("wardsKeepingOwn", saved.wardsKeepingOwn());
        return json;
    }

    private ProvinceLayer layer() {
        ProvinceLayer current = layer;
        if (current == null) {
            throw ApiProblem.notFound("This deployment has no province layer (single-ward layout).");
        }
        return current;
    }

    private static String procedureId(StaffService.Call call) {
        return call.request().path().pathParameters().get("id");
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match must be a version number.");
        }
    }

    private String provinceOf(StaffService.Call call) {
        return wards.find(call.ward()).map(Ward::provinceId)
                .orElseThrow(() -> ApiProblem.notFound("Your account's ward is not in the ward registry."));
    }

    private List<Ward> wardsOf(String province) {
        return wards.list().stream().filter(w -> w.provinceId().equals(province)).toList();
    }

    private static Map<String, Object> json(Ward ward) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ward.id());
        json.put("nameVi", ward.nameVi());
        json.put("nameEn", ward.nameEn());
        json.put("enabled", ward.enabled());
        json.put("officerSecondFactor", ward.officerSecondFactor());
        return json;
    }
}
