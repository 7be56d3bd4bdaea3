package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The ward office (config/catalog/office.yaml). */
record Office(Boolean demo, String wardId, String caseCodePrefix, Procedure.Text name, Procedure.Text address,
              Procedure.Text desk, String phone, String email, String mapUrl, String timezone,
              Map<String, List<Interval>> hours, List<Holiday> holidays) {

    /** An opening interval in local time, "HH:MM". */
    record Interval(String open, String close) {
    }

    record Holiday(LocalDate date, Procedure.Text name) {
    }
}
