package vn.warddesk.bot;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.ward.Province;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

/**
 * {@code ./warddesk admin ward add|list|disable|enable}: the ward registry from the command line. A ward's content
 * comes from config/wards/&lt;id&gt;/ (read at start-up); the registry says which wards exist and which are served.
 */
final class WardCommand {
    static final String USAGE = String.join(System.lineSeparator(),
            "  ward list              the wards of the registry: id, province, served or disabled, names",
            "  ward add --id WARD_ID --province PROVINCE_ID --name-vi NAME --name-en NAME [--province-name-vi NAME"
            + " --province-name-en NAME]",
            "                         register a ward (and its province if new); its content goes in config/wards/WARD_ID/",
            "  ward disable --id WARD_ID | ward enable --id WARD_ID",
            "                         stop / resume serving a ward (its channels answer 'not served here', its API 404)");

    private WardCommand() {
    }

    static int run(List<String> args, WardDeskSettings settings, PrintStream out) {
        String action = args.isEmpty() ? "list" : args.get(0);
        Map<String, String> options = Admin.options(args.subList(Math.min(1, args.size()), args.size()));
        try (Database database = Database.open(settings.db())) {
            WardStore wards = new WardStore(database.dataSource());
            switch (action) {
                case "list" -> list(wards, out);
                case "add" -> add(wards, options, out);
                case "disable", "enable" -> {
                    String id = Admin.required(options, "id");
                    if (!wards.setEnabled(id, action.equals("enable"))) {
                        throw new IllegalArgumentException("no ward '" + id + "' (./warddesk admin ward list)");
                    }
                    out.println("Ward " + id + (action.equals("enable") ? " is served again." : " is disabled: its"
                            + " public channels now answer that it is not served here (within catalog.refresh-interval)."));
                }
                default -> throw new IllegalArgumentException("unknown ward command '" + action
                                                              + "' (add, list, disable, enable)");
            }
        }
        return 0;
    }

    private static void list(WardStore wards, PrintStream out) {
        List<Ward> all = wards.list();
        for (Ward ward : all) {
            out.println(ward.id() + "  " + ward.provinceId() + "  " + (ward.enabled() ? "served  " : "DISABLED")
                        + "  " + ward.nameVi() + " / " + ward.nameEn());
        }
        out.println(all.size() + " ward(s)");
    }

    private static void add(WardStore wards, Map<String, String> options, PrintStream out) {
        String id = Admin.required(options, "id");
        String provinceId = Admin.required(options, "province");
        if (!Ward.isId(id) || !Ward.isId(provinceId)) {
            throw new IllegalArgumentException("ward and province ids are lower-case a-z, 0-9 and '-' (at most 64)");
        }
        if (wards.find(id).isPresent()) {
            throw new IllegalArgumentException("ward '" + id + "' exists already (ward enable --id " + id
                                               + " serves it again)");
        }
        boolean newProvince = wards.provinces().stream().noneMatch(p -> p.id().equals(provinceId));
        if (newProvince) {
            wards.putProvince(new Province(provinceId, Admin.required(options, "province-name-vi"),
                                           Admin.required(options, "province-name-en")), Clock.systemUTC().instant());
        }
        wards.putWard(new Ward(id, provinceId, Admin.required(options, "name-vi"), Admin.required(options, "name-en"),
                               true, false), Clock.systemUTC().instant());
        out.println("Ward " + id + " added" + (newProvince ? " with the new province " + provinceId : "")
                    + ". Next: create config/wards/" + id + "/ (ward.yaml, office.yaml, privacy-notice.yaml; see"
                    + " docs/wards.md) and restart; create its first admin with create-admin --ward " + id + ".");
    }
}
