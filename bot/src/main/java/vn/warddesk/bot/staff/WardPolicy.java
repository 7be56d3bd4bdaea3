package vn.warddesk.bot.staff;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/** The ward admin's view of their own ward and its sign-in policy (officers' second factor). */
final class WardPolicy {
    private final WardStore wards;
    private final SecondFactor secondFactor;
    private final Audit audit;
    private final Clock clock;

    WardPolicy(WardStore wards, SecondFactor secondFactor, Audit audit, Clock clock) {
        this.wards = wards;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.clock = clock;
    }

    Object show(StaffService.Call call) {
        return json(ward(call));
    }

    /** Body {"officerSecondFactor": true|false}; officers without a factor must set one up at their next request. */
    Object setOfficerSecondFactor(StaffService.Call call) {
        JsonNode value = call.body().path("officerSecondFactor");
        if (!value.isBoolean()) {
            throw ApiProblem.badRequest("'officerSecondFactor' must be true or false.");
        }
        Ward ward = ward(call);
        Ward changed = new Ward(ward.id(), ward.provinceId(), ward.nameVi(), ward.nameEn(), ward.enabled(),
                                value.booleanValue());
        wards.putWard(changed, clock.instant());
        audit.record(call.account(), "ward.officer_second_factor", "ward:" + ward.id(), String.valueOf(value.booleanValue()),
                     call.ip());
        return json(changed);
    }

    private Ward ward(StaffService.Call call) {
        // A ward without a registry row (an installation older than the registry) has nothing to show or set.
        return wards.find(call.ward()).orElseThrow(() -> ApiProblem.notFound("Your ward is not in the ward registry."));
    }

    private Map<String, Object> json(Ward ward) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ward.id());
        json.put("provinceId", ward.provinceId());
        json.put("nameVi", ward.nameVi());
        json.put("nameEn", ward.nameEn());
        json.put("officerSecondFactor", ward.officerSecondFactor());
        json.put("officerSecondFactorEffective", secondFactor.officersRequired(ward.id()));
        return json;
    }
}
