package vn.warddesk.bot.conversation;

import java.util.regex.Pattern;

/**
 * The shapes of a question whatever its topic, read on folded text: whether a line asks at all, asks when, where or
 * for something, leans on what was said before ("what about X", "that one", "is that all"), compares two, tells a
 * situation first or asks where to file.
 */
final class QuestionShapes {
    /** "còn X thì sao?", "X thì sao", "what about X", "how about X", "and X?": same question, another subject. */
    private static final Pattern WHAT_ABOUT = Pattern.compile(
            "(^(con|the con|vay con|the|vay) .*|.*\\b(thi sao|thi the nao|thi sao a|the nao|sao a|thi ntn|thi sao nhi)\\s*$"
            + "|^(what|how) about .*|^and (for |what about )?.*|^same (for|question for) .*|.*\\b(too|as well)$)");
    /** "giấy đó", "thủ tục này", "cái đó", "it", "that one": the procedure talked about. */
    /**
     * Folded, Vietnamese "nó" (it) is "no"; English "no worries", "no problem", "no thanks", "no I …" are no pronoun
     * ("no worries. when are you open tomorrow?" after a decline asks the hours, not about the procedure).
     */
    private static final String NOT_ENGLISH_NO = "(?! (worries|worry|problem|problems|prob|probs|thanks|thank|need|way|idea"
            + "|matter|biggie|rush|hurry|i|we|it|that|one|more|longer)\\b)";
    /**
     * "cái lúc nãy", "cái hồi nãy", "the one from before": what was asked before a detour (folded, "lúc nãy" is "luc
     * nay", which the NLU reads as the "trích lục" of the extract).
     */
    private static final String FROM_BEFORE = "(cai|giay|thu tuc|vu|ho so|viec|thu|may giay) (luc nay|hoi nay|khi nay"
            + "|vua nay|ban nay|vua roi)|the one (from |you mentioned )?(before|earlier)|the earlier one"
            + "|what i asked (before|earlier)";
    private static final Pattern THAT_ONE = Pattern.compile(
            "\\b(giay (do|nay|day|kia)|giay to (do|nay|day|kia)|may giay (do|nay)|thu tuc (do|nay|day|kia)|cai (do|nay|day|kia)|ho so (do|nay|day)|vu (do|nay)"
            + "|loai (do|nay)|no" + NOT_ENGLISH_NO + "|it|that one|this one|that|this procedure|that procedure|the same"
            + "|" + FROM_BEFORE + ")\\b");
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(" + FROM_BEFORE + ")\\b");
    /**
     * "à còn cái này, …", "còn vụ này nữa …" opening the line: "one more thing", announcing what follows, not pointing
     * at the topic.
     */
    private static final Pattern ONE_MORE_THING = Pattern.compile("^(\\w+ ){0,2}con (cai|vu|chuyen|viec) nay\\b");
    /** A bare pronoun ("it", "nó", "that"): it points at a procedure named in the same line before it points back. */
    private static final Pattern BARE_PRONOUN = Pattern.compile(
            "\\b(no" + NOT_ENGLISH_NO + "|it|that|this)\\b(?! (one|procedure)\\b)");
    /**
     * Where to hand in the papers, as opposed to where the office is: a filing verb before "ở đâu" / "where" ("nộp ở
     * đâu", "làm ở ubnd phường hay ở đâu", "where do I file them"), not "phường ở đâu", "where is your office".
     */
    private static final Pattern IN_PERSON = Pattern.compile(
            "\\b(truc tiep|tan noi|in person|myself|go there|come in|go in person|face to face)\\b");
    private static final Pattern WHERE = Pattern.compile(
            "\\b(o dau|tai dau|cho nao|noi nao|di dau|den dau|toi dau|where)\\b");
    private static final Pattern FILE_WHERE = Pattern.compile(
            "\\b(nop|lam|dang ky|dk|xin|gui)\\b.*\\bo dau\\b"
            + "|\\bwhere (do|can|should|must) (i|we|you|they) (file|submit|apply|register|hand in|send|do)\\b"
            + "|\\b(file|submit|apply|register|hand (it|them) in)\\b.*\\bwhere\\b");
    /** "vậy thôi hả", "chỉ vậy thôi à", "is that all?", "is that it?": whether the last answer was the whole of it. */
    private static final Pattern THATS_ALL = Pattern.compile(
            "^(chi |chi can |co )?(vay|the|nhu vay|nhu the) thoi( (ha|ah|ak|u|sao|hay sao|nhi))+( (ad|ban|em|chi|anh))*$"
            + "|^(so )?is that (all|it)( then)?$|^only that$");
    /** Both things talked about: "where do I file them", "cả hai". */
    /**
     * "Mine" set against what was just talked about ("cái của tui thì phí bao nhiêu", "phần của em thì sao", "and mine?",
     * "what about my own one"): the citizen's own matter, not a relative's. Not "con của em" (my child) nor "cho em".
     */
    private static final Pattern MINE = Pattern.compile(
            "\\b(cai|phan|vu|viec|ho so|thu tuc|truong hop) (cua|rieng cua) (tui|toi|em|e|minh|tao)\\b"
            + "|^(the |vay |rui |roi )?(cua|rieng) (tui|toi|em|minh|tao)( thi| the| a| ne)?\\b"
            + "|\\b(mine|my own( one| case)?|my one)\\b|\\bwhat about (me|myself)\\b|^(and|but) (me|for me)\\b");
    /**
     * "The same" asked of the answer just given, under a condition ("is it the same if the original has ten pages",
     * "vẫn vậy hả", "cũng giá đó à"): the aspect talked about again. Not "the same day" (when) nor "the same one".
     */
    private static final Pattern SAME_AGAIN = Pattern.compile(
            "\\b(is it|would it be|will it be|is that|does it stay|still) (still )?the same\\b(?! (day|time|one|place|office))"
            + "|\\b(van|cung) (vay|the|nhu vay|nhu the|y vay|gia do|muc do|bang do)\\b.*\\b(ha|a|ak|hem|khong|ko|k|hong)\\b");
    private static final Pattern BOTH = Pattern.compile("\\b(them|both|ca hai|ca 2|2 cai|hai cai)\\b");
    /** "X với Y cái nào …", "which …, X or Y", "difference between X and Y", "X like Y": two procedures compared. */
    private static final Pattern COMPARES = Pattern.compile(
            "\\b(cai nao|ben nao|khac (gi|nhau)|giong (nhau|nhu)|so voi|which (one|ones|is|are|of|takes|costs)"
            + "|difference|differ|compared|versus|vs|each|both|ca hai|moi cai|hai cai)\\b");
    /**
     * A question that asks for something other than whether the value offered is fine: "what time", "mấy giờ", "khi
     * nào", "có … không" (but not "… được không", "… ok không", "how about …", which offer the value and ask if it
     * will do).
     */
    private static final Pattern ASKS_SOMETHING = Pattern.compile(
            "\\b((what|how)(?! about)|when|where|which|who|why|may gio|luc may gio|bao gio|khi nao|o dau|tai sao"
            + "|sao lai|ai|the nao|nhu the nao|ntn)\\b|\\bco\\b(?!.*\\b(duoc|dc|ok|oke|on|nhe)\\b).*\\b(khong|ko|k|hong|kh)\\b");
    /** A question for a time: "mấy giờ", "khi nào", "lúc nào", "what time", "when". */
    private static final Pattern ASKS_WHEN = Pattern.compile(
            "\\b(may gio|gio nao|luc nao|khi nao|bao gio|what time|when|which hours|opening hours)\\b");
    /** A question for a place: "ở đâu", "chỗ nào", "phòng nào", "where", "which room". */
    private static final Pattern ASKS_WHERE = Pattern.compile(
            "\\b(o dau|cho nao|noi nao|phong nao|dia chi|where|which room|address)\\b");
    /** A message that asks something rather than gives a value. */
    private static final Pattern QUESTION = Pattern.compile(
            "(\\?|\\b(bao nhieu|bn|bao lau|may ngay|may gio|gi|j|khong|ko|k|chua|sao|the nao|ntn|nhu the nao|o dau|dau|ai"
            + "|nao|co can|can gi|can mang|lam sao|duoc khong|dc ko|dc k|what|how|when|where|which|why|who|can i|do i"
            + "|is it|does|is there)\\b)");

    private QuestionShapes() {
    }

    static boolean asksWhen(String folded) {
        return ASKS_WHEN.matcher(folded).find();
    }

    static boolean asksWhere(String folded) {
        return ASKS_WHERE.matcher(folded).find();
    }

    static boolean whatAbout(String folded) {
        return WHAT_ABOUT.matcher(Folding.withoutQuestionMark(folded)).matches();
    }

    static boolean thatOne(String folded) {
        return THAT_ONE.matcher(folded).find();
    }

    static boolean oneMoreThing(String folded) {
        return ONE_MORE_THING.matcher(folded).find();
    }

    /** Points back past a detour at what was asked before it: "cái lúc nãy", "the one from before". */
    static boolean pointsBack(String folded) {
        return POINTS_BACK.matcher(folded).find();
    }

    /** Where the first pointing phrase of the line starts ("giấy đó", "cái lúc nãy", "it"), -1 when it has none. */
    static int thatOneAt(String folded) {
        java.util.regex.Matcher m = THAT_ONE.matcher(folded);
        return m.find() ? m.start() : -1;
    }

    /** Points back only with a bare pronoun ("can I do it online?"), no "giấy đó" / "that one". */
    static boolean onlyPronoun(String folded) {
        return !thatOne(BARE_PRONOUN.matcher(folded).replaceAll(" ")) && BARE_PRONOUN.matcher(folded).find();
    }

    /**
     * Where to go when doing it in person ("where do I go if I do it in person", "nếu em lên trực tiếp thì đến chỗ
     * nào", "ko làm online mà lên trực tiếp thì nộp ở đâu"): the place, said against the online channel.
     */
    static boolean inPersonWhere(String folded) {
        return IN_PERSON.matcher(folded).find() && WHERE.matcher(folded).find();
    }

    static boolean fileWhere(String folded) {
        return FILE_WHERE.matcher(folded).find();
    }

    /**
     * The citizen's own situation told before the question: three words or more before "thì" ("vợ chồng em ở 2
     * phường khác nhau thì nộp ở đâu"), or an "if"/"nếu".
     */
    static boolean situation(String folded) {
        int then = folded.lastIndexOf(" thi ");
        return then > 0 && Folding.words(folded.substring(0, then)) >= 3 || folded.matches(".*\\b(if|neu)\\b.*");
    }

    /** "vậy thôi à" asks only with a question mark: folded, "à" and the polite "ạ" are one word. */
    static boolean sameAgain(String folded) {
        return SAME_AGAIN.matcher(folded).find();
    }

    static boolean mine(String folded) {
        return MINE.matcher(folded).find();
    }

    static boolean thatsAll(String folded) {
        String bare = Folding.withoutQuestionMark(folded);
        return THATS_ALL.matcher(bare).matches()
               || folded.contains("?") && THATS_ALL.matcher(bare.replaceAll(" a\\b", " ha")).matches();
    }

    static boolean both(String folded) {
        return BOTH.matcher(folded).find();
    }

    static boolean compares(String folded) {
        return COMPARES.matcher(folded).find();
    }

    /** A question that asks for information ("what time…", "mấy giờ", "có … không"), not whether a value will do. */
    static boolean asksSomething(String folded) {
        return ASKS_SOMETHING.matcher(folded.replace("?", " ")).find();
    }

    static boolean question(String folded) {
        return QUESTION.matcher(folded).find();
    }

    /**
     * A number, line or address to reach someone by: "số điện thoại", "sđt", "hotline", "phone number", "email"; not
     * the bare device ("bà không biết dùng điện thoại", "on my phone").
     */
    private static final Pattern CONTACT = Pattern.compile(
            "\\b(so dien thoai|so dt|sdt|so phone|hotline|duong day nong|so lien he|so ban|email|e mail"
            + "|phone number|phone no|telephone number|number (to|i can|we can) call|contact number|contact details)\\b");
    /** The office as the owner of that number, or calling it: "của phường", "ward office", "để tôi gọi", "call you". */
    private static final Pattern OF_THE_OFFICE = Pattern.compile(
            "\\b(phuong|xa|ubnd|uy ban|ub|mot cua|bo phan|trung tam|ben minh|van phong|ward|office|your|you guys|you lot"
            + "|goi|call|ring|phone you|lien he|lien lac)\\b");

    /** Asking to be called ("phường gọi lại cho em", "call me back"): a request to the office, not its number. */
    private static final Pattern CALLS_ME = Pattern.compile(
            "\\b(goi lai|call (me|back)|goi (cho |lai cho )?(em|e|toi|minh|tui|chau|con)|lien (he|lac) (lai )?(voi )?(em|e|toi"
            + "|minh|tui)|ring me|contact me)\\b");

    /**
     * The office's own telephone or e-mail asked for ("Phường có số điện thoại không để tôi gọi trực tiếp?", "sdt phuong
     * la bao nhieu", "what's the ward office's phone number so I can call?"): the office's contact answers it, as at
     * the desk; it asks for no officer. Not the citizen's own number ("số điện thoại của em ai xem được").
     */
    static boolean officeContact(String folded) {
        return CONTACT.matcher(folded).find() && OF_THE_OFFICE.matcher(folded).find() && !FormWords.myData(folded)
               && !CALLS_ME.matcher(folded).find();
    }
}
