package vn.warddesk.bot.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.ward.KioskDevices;
import vn.warddesk.bot.ward.WardStore;

/** A ward admin's kiosk devices: issue a one-time pairing code, list the ward's devices, revoke one. */
final class KioskDeviceAdmin {
    private final KioskDevices devices;
    private final WardStore wards;
    private final Duration codeTtl;
    private final Audit audit;
    private final Clock clock;

    KioskDeviceAdmin(KioskDevices devices, WardStore wards, Duration codeTtl, Audit audit, Clock clock) {
        this.devices = devices;
        this.wards = wards;
        this.codeTtl = codeTtl;
        this.audit = audit;
        this.clock = clock;
    }

    /** Body {"label": "Kiosk at the entrance"} (optional); the code is shown this once. */
    Object issueCode(StaffService.Call call) {
        String label = call.request().content().hasEntity()
                ? StaffService.textField(call.body(), "label").strip() : "";
        if (label.length() > 80) {
            throw ApiProblem.badRequest("The label is longer than 80 characters.");
        }
        if (wards.find(call.ward()).filter(w -> w.enabled()).isEmpty()) {
            throw ApiProblem.notFound("Your ward is not an enabled ward of the registry.");
        }
        KioskDevices.PairingCode code = devices.issueCode(call.ward(), label.isEmpty() ? "kiosk" : label,
                                                          call.account().username(), clock.instant(), codeTtl);
        audit.record(call.account(), "kiosk.pairing_code", "ward:" + call.ward(), code.label(), call.ip());
        return Map.of("code", code.code(), "label", code.label(), "expiresAt", code.expiresAt(),
                      "validSeconds", codeTtl.toSeconds());
    }

    Object list(StaffService.Call call) {
        return Map.of("devices", devices.devices(call.ward()).stream().map(KioskDeviceAdmin::json).toList());
    }

    Object revoke(StaffService.Call call) {
        long id;
        try {
            id = Long.parseLong(call.request().path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("No such kiosk in your ward.");
        }
        if (!devices.revoke(call.ward(), id, clock.instant())) {
            throw ApiProblem.notFound("No such kiosk in your ward.");
        }
        audit.record(call.account(), "kiosk.revoke", "kiosk:" + id, "", call.ip());
        return Map.of("id", id, "revoked", true);
    }

    private static Map<String, Object> json(KioskDevices.Device device) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", device.id());
        json.put("label", device.label());
        json.put("pairedAt", device.pairedAt());
        json.put("lastSeenAt", device.lastSeenAt().orElse(null));
        json.put("revokedAt", device.revokedAt().orElse(null));
        return json;
    }
}
