package vn.warddesk.bot.catalog;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The privacy notice (config/catalog/privacy-notice.yaml); a changed text always gets a new version. */
record Notice(String version, LocalDate effective, Procedure.Text controller, Procedure.Text contact,
              @JsonProperty("short") Procedure.Text shortText, Procedure.Text full) {
}
