package vn.warddesk.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows pointing one way: channels (and the staff console) → inbox/outbox/retention → conversation →
 * cases/consent/catalog → store, with the leaf packages (message, http, observe, privacy) usable by all, and no
 * cycle between feature packages.
 */
class PackageDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.warddesk.bot");
    }

    @Test
    void nothing_outside_the_channels_and_the_wiring_imports_a_channel() {
        noClasses().that().resideOutsideOfPackages("vn.warddesk.bot.channel..")
                .and().resideOutsideOfPackage("vn.warddesk.bot")
                .should().dependOnClassesThat().resideInAPackage("vn.warddesk.bot.channel..")
                .check(classes);
    }

    @Test
    void the_store_and_the_catalog_know_nothing_of_the_conversation() {
        noClasses().that().resideInAnyPackage("vn.warddesk.bot.store..", "vn.warddesk.bot.catalog..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("vn.warddesk.bot.conversation..", "vn.warddesk.bot.cases..",
                                    "vn.warddesk.bot.consent..", "vn.warddesk.bot.staff..")
                .check(classes);
    }

    @Test
    void the_feature_packages_are_free_of_cycles() {
        slices().matching("vn.warddesk.bot.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_layers_are_only_used_from_above() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Channel").definedBy("vn.warddesk.bot.channel..", "vn.warddesk.bot.staff..")
                .layer("Queue").definedBy("vn.warddesk.bot.inbox..", "vn.warddesk.bot.outbox..",
                                          "vn.warddesk.bot.retention..")
                .layer("Conversation").definedBy("vn.warddesk.bot.conversation..")
                .layer("Domain").definedBy("vn.warddesk.bot.cases..", "vn.warddesk.bot.consent..",
                                           "vn.warddesk.bot.catalog..", "vn.warddesk.bot.ward..")
                .layer("Store").definedBy("vn.warddesk.bot.store..")
                .whereLayer("Channel").mayNotBeAccessedByAnyLayer()
                .whereLayer("Queue").mayOnlyBeAccessedByLayers("Channel")
                .whereLayer("Conversation").mayOnlyBeAccessedByLayers("Channel", "Queue")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Channel", "Queue", "Conversation")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Channel", "Queue", "Conversation", "Domain")
                .check(classes);
    }

    @Test
    void channels_do_not_depend_on_each_other() {
        slices().matching("vn.warddesk.bot.channel.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                                  com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("vn.warddesk.bot.channel"))
                .check(classes);
    }

    /**
     * Settings are read once into one typed tree (WardDeskSettings): only that reader, the per-section records it
     * calls (named *Settings), the loader and the entry points (Main, Admin) see Helidon's Config. ConfigException,
     * the start-up error that names a key, may be thrown anywhere.
     */
    @Test
    void only_the_settings_reader_and_the_entry_points_read_the_configuration() {
        noClasses().that().resideInAPackage("vn.warddesk.bot..")
                .and().doNotHaveSimpleName("Main").and().doNotHaveSimpleName("Admin")
                .and().doNotHaveSimpleName("ConfigLoader").and().doNotHaveSimpleName("Loaded")
                .and().haveSimpleNameNotEndingWith("Settings")
                .and(NOT_NESTED_IN_SETTINGS)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in io.helidon.config (other than ConfigException)",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("io.helidon.config")
                                                                           && !c.isAssignableTo(io.helidon.config.ConfigException.class)))
                .check(classes);
    }

    /** The per-section readers ({@code XxxSettings.from}) are called by the one settings reader only, never by a feature. */
    @Test
    void the_sections_are_read_by_the_settings_reader_only() {
        noClasses().that().resideInAPackage("vn.warddesk.bot..")
                .and().haveSimpleNameNotEndingWith("Settings").and(NOT_NESTED_IN_SETTINGS)
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "XxxSettings.from(...)",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getName().equals("from")
                                && call.getTargetOwner().getSimpleName().endsWith("Settings")))
                .check(classes);
    }

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
            NOT_NESTED_IN_SETTINGS = com.tngtech.archunit.base.DescribedPredicate.describe(
                    "not nested in a *Settings record", c -> c.getEnclosingClass()
                            .map(e -> !e.getSimpleName().endsWith("Settings")).orElse(true));
}
