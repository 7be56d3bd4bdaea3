package vn.warddesk.bot.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

import vn.warddesk.bot.http.ApiProblem;

/** The staff feature: accounts, sign-in, ward-scoped case work, audit and analytics behind /api/v1/staff. */
public final class Staff {
    private static final System.Logger LOGGER = System.getLogger(Staff.class.getName());

    private final StaffAuth auth;
    private final Audit audit;
    private final StaffService service;

    private Staff(StaffAuth auth, Audit audit, StaffService service) {
        this.auth = auth;
        this.audit = audit;
        this.service = service;
    }

    /** The ward registry and the wards' channel credentials the wiring shares with the channels. */
    public record Wards(vn.warddesk.bot.ward.WardStore registry, vn.warddesk.bot.ward.WardChannelSecrets secrets) {
        /** Its own registry and credential store (tests and command-line tools, where nothing else shares them). */
        public static Wards of(DataSource dataSource, StaffSettings settings) {
            return new Wards(new vn.warddesk.bot.ward.WardStore(dataSource),
                             new vn.warddesk.bot.ward.WardChannelSecrets(dataSource, settings.secretKeys()));
        }
    }

    /** Builds the feature; seeds the demo accounts when {@code staff.seed-demo-accounts} is true. */
    public static Staff create(StaffSettings settings, DataSource dataSource, Clock clock) {
        return create(settings, dataSource, clock, Optional.empty(), true, Wards.of(dataSource, settings));
    }

    /** With case work over the engine's cases. */
    public static Staff create(StaffSettings settings, DataSource dataSource, Clock clock,
                               vn.warddesk.bot.cases.Cases cases) {
        return create(settings, dataSource, clock, cases, Wards.of(dataSource, settings));
    }

    /** With case work over the engine's cases (the normal wiring), over the wiring's ward registry. */
    public static Staff create(StaffSettings settings, DataSource dataSource, Clock clock,
                               vn.warddesk.bot.cases.Cases cases, Wards wards) {
        Duration claimWithin = settings.claimWithin();
        vn.warddesk.bot.observe.OperationsMetrics.lateCases(
                () -> cases.countNewCreatedBefore(clock.instant().minus(claimWithin)));
        return create(settings, dataSource, clock, Optional.of(new EngineCaseDesk(cases, dataSource, clock)), true,
                      wards);
    }

    /** With case work, and the procedures' intake field definitions so the console labels what citizens gave. */
    public static Staff create(StaffSettings settings, DataSource dataSource, Clock clock,
                               vn.warddesk.bot.cases.Cases cases, vn.warddesk.bot.catalog.Catalog catalog, Wards wards) {
        Staff staff = create(settings, dataSource, clock, cases, wards);
        staff.service.describeFieldsWith(new IntakeFieldLabels(catalog));
        return staff;
    }

    /** Province admins edit their province's layer (fees, processing times) through this one. */
    public void editProvincesWith(vn.warddesk.bot.catalog.ProvinceLayer layer) {
        service.editProvincesWith(layer);
    }

    /** For command-line tools: never seeds demo accounts. */
    public static Staff forCommandLine(StaffSettings settings, DataSource dataSource, Clock clock) {
        return create(settings, dataSource, clock, Optional.empty(), false, Wards.of(dataSource, settings));
    }

    static Staff create(StaffSettings settings, DataSource dataSource, Clock clock, Optional<CaseDesk> cases,
                        boolean maySeed, Wards shared) {
        StaffStore store = new StaffStore(dataSource);
        Audit audit = new Audit(store, clock, settings.hashKey());
        var wards = shared.registry();
        SecondFactor secondFactor = new SecondFactor(dataSource, wards, settings.totp(), clock, audit,
                                                     new TotpSecrets(settings.secretKeys()));
        StaffAuth auth = new StaffAuth(store, new PasswordHasher(), settings, clock, audit, secondFactor);
        StaffEvents events = new StaffEvents(settings.eventsPollInterval());
        var wardChannels = new WardChannelsApi(shared.secrets(), wards, audit, clock);
        StaffService service = new StaffService(auth, store, audit, new Analytics(dataSource, clock),
                                                cases, events, settings, clock, secondFactor,
                                                new vn.warddesk.bot.inbox.DeadLetters(dataSource, clock),
                                                wardChannels, wards,
                                                new vn.warddesk.bot.ward.KioskDevices(dataSource),
                                                settings.pairingCodeTtl());
        Staff staff = new Staff(auth, audit, service);
        if (maySeed && settings.seedDemoAccounts()) {
            staff.seedDemoAccounts();
        }
        return staff;
    }

    private void seedDemoAccounts() {
        List<DemoAccounts.Demo> created = auth.seedDemo();
        if (!created.isEmpty()) {
            StringBuilder text = new StringBuilder(System.lineSeparator()
                    + "DEMO staff accounts created (staff.seed-demo-accounts=true; never on a real deployment):");
            for (DemoAccounts.Demo demo : created) {
                text.append(System.lineSeparator()).append("  ").append(String.format("%-16s", demo.username()))
                        .append(" password ").append(String.format("%-22s", demo.password()))
                        .append(demo.wardId()).append("  ").append(Role.csv(demo.roles()));
            }
            text.append(System.lineSeparator()).append("  demo.admin, demo.supervisor and demo.province also need a 6-digit code: add the TOTP")
                    .append(" secret ").append(DemoAccounts.TOTP_SECRET).append(" to an authenticator app (README).");
            System.out.println(text);
        }
        LOGGER.log(System.Logger.Level.INFO, "demo staff accounts: " + created.size() + " created");
    }

    public void routing(HttpRouting.Builder routing) {
        routing.register("/api/v1/staff", service);
    }

    /** A signed-in member of staff, for other features that accept staff sessions (catalog editor). */
    public record Principal(String username, String wardId, Set<String> roles) {
    }

    /**
     * The staff session behind a request if it holds {@code role} (officer, supervisor, editor, admin), has changed
     * its one-time password and, for state-changing methods, carries the session's CSRF token. Empty otherwise.
     */
    public Optional<Principal> principal(ServerRequest request, String role) {
        Optional<Role> wanted = Role.parse(role);
        String token = request.headers().cookies().first(StaffService.COOKIE).orElse("");
        Optional<StaffAuth.Session> session = auth.session(token);
        if (session.isEmpty() || wanted.isEmpty()) {
            return Optional.empty();
        }
        Account account = session.get().account();
        Method method = request.prologue().method();
        boolean stateChanging = method != Method.GET && method != Method.HEAD;
        if (account.mustChangePassword() || !account.can(wanted.get())
            || (stateChanging && !auth.csrfValid(session.get(),
                                                  request.headers().first(HeaderNames.create(StaffService.CSRF_HEADER)).orElse(null)))) {
            return Optional.empty();
        }
        return Optional.of(new Principal(account.username(), account.wardId(),
                                         Set.copyOf(account.roles().stream().map(Role::key).toList())));
    }

    /**
     * For the catalog admin API: the username of a signed-in editor (session, changed password, CSRF token on
     * changes), else empty. Changes are written to the audit log.
     */
    public Optional<vn.warddesk.bot.catalog.CatalogService.Editor> catalogEditor(ServerRequest request) {
        Optional<Principal> editor = principal(request, "editor");
        Method method = request.prologue().method();
        if (editor.isPresent() && method != Method.GET && method != Method.HEAD
            && !Boolean.TRUE.equals(request.context().get("staff.audited", Boolean.class).orElse(false))) {
            request.context().register("staff.audited", Boolean.TRUE);
            audit.record(editor.get().username(), editor.get().wardId(), "catalog.change", request.path().path(),
                         method.text(), "");
        }
        return editor.map(p -> new vn.warddesk.bot.catalog.CatalogService.Editor(p.username(), p.wardId()));
    }

    /** Records an action of another feature in the audit log (e.g. a catalog edit by an editor). */
    public void audit(Principal principal, String action, String target, String detail) {
        audit.record(principal.username(), principal.wardId(), action, target, detail, "");
    }

    /**
     * Encrypts every second-factor secret with the newest key of {@code secret.keys} (plain ones included), for
     * {@code ./warddesk admin secrets rotate}; returns how many.
     */
    public static int resealSecondFactorSecrets(vn.warddesk.bot.secret.SecretKeys keys, DataSource dataSource) {
        return new TotpSecrets(keys).resealAll(dataSource);
    }

    /** The first admin of a ward (CLI): the one-time password is returned once and must be changed at first sign-in. */
    public record FirstAdmin(String username, String wardId, String oneTimePassword) {
    }

    public FirstAdmin createAdmin(String wardId, String username) {
        return createAdmin(wardId, username, false);
    }

    /**
     * With {@code province} true: a province admin, whose province is that of {@code wardId} (which must be in the
     * ward registry). Only the command line makes province admins: no console role may grant it.
     */
    public FirstAdmin createAdmin(String wardId, String username, boolean province) {
        if (wardId == null || !wardId.matches("[a-z0-9-]{2,64}")) {
            throw new IllegalArgumentException("--ward must be a ward id like demo-hoa-an (lower case, digits, dashes)");
        }
        try {
            Role role = province ? Role.PROVINCE_ADMIN : Role.ADMIN;
            StaffAuth.Created created = auth.createAccount(wardId, username, username, Set.of(role));
            audit.record("cli", wardId, "account.create", "account:" + created.account().username(),
                         role.key() + " (first admin)", "");
            return new FirstAdmin(created.account().username(), wardId, created.oneTimePassword());
        } catch (ApiProblem e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
