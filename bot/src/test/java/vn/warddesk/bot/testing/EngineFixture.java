package vn.warddesk.bot.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import vn.warddesk.bot.cases.CaseLinks;
import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.CatalogStore;
import vn.warddesk.bot.conversation.ConversationEngine;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.nlu.EntityExtractor;
import vn.warddesk.nlu.Nlu;
import vn.warddesk.nlu.NluSettings;

/** The real engine (real catalog seed, shipped NLU models) over a test database, for tests that drive it directly. */
public final class EngineFixture {
    private static volatile Nlu nlu;

    public final CatalogStore catalog;
    public final Cases cases;
    public final ConversationEngine engine;
    private final DataSource dataSource;

    public EngineFixture(DataSource dataSource, Clock clock) {
        this(dataSource, clock, WardTexts.defaults(), Optional.empty());
    }

    /** With the wards' texts and case page links as Main wires them. */
    public EngineFixture(DataSource dataSource, Clock clock, WardTexts texts, Optional<CaseLinks> links) {
        this(dataSource, clock, texts, links, Duration.ZERO);
    }

    /**
     * With how often the catalog looks for new versions: zero (tests see an edit at once, at the cost of a query per
     * look-up) or, for benchmarks, the shipped interval.
     */
    public EngineFixture(DataSource dataSource, Clock clock, WardTexts texts, Optional<CaseLinks> links,
                         Duration catalogRefresh) {
        this.dataSource = dataSource;
        Config config = Config.just(ConfigSources.create(Map.of("catalog.dir", "../config/catalog",
                                                                "catalog.refresh-interval", catalogRefresh.toString())));
        this.catalog = CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(config.get("catalog")), dataSource, clock);
        this.cases = new Cases(dataSource, catalog.office().caseCodePrefix(), catalog.office().zone(),
                               vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE),
                               Duration.ofMinutes(30), links, texts);
        this.engine = new ConversationEngine(dataSource, catalog, nlu(),
                                             new EntityExtractor(NluSettings.DEFAULT_CASE_CODE), cases,
                                             vn.warddesk.bot.outbox.Outbox.QUEUE,
                                             new ConversationEngine.Settings(Duration.ofMinutes(30), 3,
                                                                             "https://ward.example"), clock, texts);
    }

    private static Nlu nlu() {
        if (nlu == null) {
            nlu = Nlu.shipped();
        }
        return nlu;
    }

    public int count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
