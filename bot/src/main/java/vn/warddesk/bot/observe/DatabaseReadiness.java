package vn.warddesk.bot.observe;

import java.util.function.BooleanSupplier;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness follows the database: DOWN while it cannot be reached, UP again as soon as it answers. */
public final class DatabaseReadiness implements HealthCheck {
    private final BooleanSupplier reachable;

    public DatabaseReadiness(BooleanSupplier reachable) {
        this.reachable = reachable;
        OperationsMetrics.databaseUp(reachable);
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = reachable.getAsBoolean();
        return HealthCheckResponse.builder()
                .status(up)
                .detail("database", up ? "reachable" : "unreachable")
                .build();
    }
}
