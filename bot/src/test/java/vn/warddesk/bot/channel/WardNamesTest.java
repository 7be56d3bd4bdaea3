package vn.warddesk.bot.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.ward.Ward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class WardNamesTest {
    private static final Ward HOA_AN = new Ward("hoa-an", "p", "Phường Hòa An (DEMO)", "Hoa An Ward", true, false);
    private static final Ward HOA_AN_TAY = new Ward("hoa-an-tay", "p", "Phường Hòa An Tây", "Hoa An Tay Ward", true, false);
    private static final Ward DIEN_BAN = new Ward("dien-ban", "p", "Thị trấn Điện Bàn", "Dien Ban Town", true, false);
    private static final List<Ward> WARDS = List.of(HOA_AN, HOA_AN_TAY, DIEN_BAN);

    @Test
    void a_name_is_found_with_or_without_diacritics_and_kind() {
        assertEquals(new WardNames.Match.One(HOA_AN), WardNames.match("phuong hoa an", WARDS));
        assertEquals(new WardNames.Match.One(HOA_AN), WardNames.match("PHƯỜNG HÒA AN", WARDS));
        assertEquals(new WardNames.Match.One(HOA_AN), WardNames.match("Hoà An", WARDS), "the other accent placement too");
        assertEquals(new WardNames.Match.One(DIEN_BAN), WardNames.match("dien ban", WARDS), "đ is d");
    }

    @Test
    void an_address_that_contains_the_name_is_found_and_the_longer_name_wins() {
        assertEquals(new WardNames.Match.One(DIEN_BAN), WardNames.match("45 Trần Phú, TT. Điện Bàn, Quảng Nam", WARDS));
        assertEquals(new WardNames.Match.One(HOA_AN_TAY), WardNames.match("12 Âu Cơ, Hòa An Tây", WARDS));
    }

    @Test
    void part_of_a_name_offers_candidates_and_words_inside_other_words_do_not_match() {
        WardNames.Match partial = WardNames.match("hoa", WARDS);
        assertEquals(new WardNames.Match.Several(List.of(HOA_AN, HOA_AN_TAY)), partial);
        assertInstanceOf(WardNames.Match.None.class, WardNames.match("khoa an ninh", WARDS));
        assertInstanceOf(WardNames.Match.None.class, WardNames.match("xin chào", WARDS));
    }
}
