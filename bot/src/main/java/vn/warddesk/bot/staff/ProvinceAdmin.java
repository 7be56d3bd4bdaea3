package vn.warddesk.bot.staff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

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
