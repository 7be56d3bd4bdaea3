package vn.warddesk.bot.channel.web;

import java.time.Clock;
import java.util.Optional;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.ward.KioskDevices;
import vn.warddesk.bot.ward.KioskPairingSettings;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/**
 * Which ward a public request is for: a paired kiosk's device token (header {@code X-Kiosk-Device}) decides first;
 * then {@code ?ward=<id>}; else the default ward. Unknown or disabled wards are 404, a revoked or unknown device token
 * 401 (the kiosk then shows its pairing screen again).
 */
public final class PublicWard {
    static final HeaderName DEVICE_HEADER = HeaderNames.create("X-Kiosk-Device");

    private final WardStore wards;
    private final KioskDevices devices;
    private final KioskPairingSettings settings;
    private final String defaultWard;
    private final Clock clock;

    public PublicWard(WardStore wards, KioskDevices devices, KioskPairingSettings settings, String defaultWard, Clock clock) {
        this.wards = wards;
        this.devices = devices;
        this.settings = settings;
        this.defaultWard = defaultWard;
        this.clock = clock;
    }

    KioskPairingSettings settings() {
        return settings;
    }

    KioskDevices devices() {
        return devices;
    }

    /** The paired device behind the request's token, if it sent one; 401 when the token is unknown or revoked. */
    Optional<KioskDevices.Device> device(ServerRequest request) {
        Optional<String> token = request.headers().first(DEVICE_HEADER);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(devices.device(token.get().strip(), clock.instant()).orElseThrow(
                () -> new ApiProblem(401, "device_not_paired", "This kiosk is not paired (or was unpaired): pair it again.")));
    }

    /** The ward of a request; {@code kiosk} channel requests need a paired device when pairing is required. */
    String of(ServerRequest request, String channel) {
        Optional<KioskDevices.Device> device = device(request);
        if (device.isPresent()) {
            return enabled(device.get().wardId());
        }
        if ("kiosk".equals(channel) && settings.pairingRequired()) {
            throw new ApiProblem(401, "device_not_paired", "This kiosk must be paired to a ward by a ward admin first.");
        }
        return request.query().first("ward").asOptional().map(this::enabled).orElse(defaultWard);
    }

    /** The ward if it exists and is enabled; the default ward also when the registry has no row for it (old data). */
    Ward ward(String wardId) {
        Optional<Ward> ward = wards.find(wardId).filter(Ward::enabled);
        return ward.orElseThrow(() -> ApiProblem.notFound("No such ward here."));
    }

    private String enabled(String wardId) {
        if (wardId.equals(defaultWard) && wards.find(wardId).isEmpty()) {
            return wardId;
        }
        return ward(wardId).id();
    }
}
