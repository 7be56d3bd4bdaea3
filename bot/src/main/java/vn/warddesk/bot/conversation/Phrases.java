package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few conversational moves that are phrasing rather than topic, read on accent-folded text so that "hủy", "huỷ"
 * and "huy" are one word: start over, withdraw, cancel a form, correct a field, "what about X", "that paper". What a
 * message is about (procedure, aspect, dialogue intent) is the NLU's job, not this class's.
 */
final class Phrases {
    // Compiled once: fold runs several times per turn (String.replaceAll would compile each pattern every time).
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}?/ ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern RESTART = Pattern.compile(
            "^((thoi|a|oi|uh|um|ok|thi|vay|hay|let s|lets|please|can we|i want to|toi muon|cho (toi|em|minh)) )*"
            + "(bat dau lai( tu dau)?|lam lai( tu dau)?( het)?|start over|start again|begin again|start from scratch"
            + "|restart|reset|/start|quay lai tu dau|lam lai tu dau)"
            // closing particles and a form of address, as many as people add: "làm lại từ đầu đi bạn ơi", "lam lai di ad"
            + "( (di|nhe|nha|please|nao|a|ad|ban|oi|em|anh|chi|giup|voi|ho|luon|thanks))*$");
    private static final Pattern WITHDRAW = Pattern.compile(
            "(rut (lai )?(su )?dong y|xoa (het )?(du lieu|thong tin)( ca nhan)? cua (toi|minh|em)|xoa du lieu"
            + "|withdraw (my )?consent|delete (all )?my (data|details|information)|erase my (data|details))");
    /**
     * Words of hesitation before a cancel ("hmm wait, maybe I should cancel", "hay là thôi hủy nhỉ", "chắc thôi không
     * làm nữa"): still a cancel, and the form asks once whether to cancel, so a doubt costs nothing.
     */
    private static final String HESITATION = "hmm|hm|wait|maybe|perhaps|i think|on second thought|hay la|hay|chac la"
            + "|chac|co le|hmm thoi|suy nghi lai";
    /** A request to stop filling the form. It must open the message: "Nguyễn Quang Huy" is a name, not a cancel. */
    private static final Pattern CANCEL = Pattern.compile(
            "^((thoi|uh|um|u|uk|ok|oke|vang|da|co|yes|yeah|a|oi|vay|thi|actually|sorry|no|please|" + HESITATION + ") )*"
            + "((toi|em|minh|anh|chi|e|t) )?((muon|xin|can|nen) )?"
            + "(huy|cancel|dung lai|ngung|bo di|bo qua di|khoi|thoi khoi|khong lam nua|ko lam nua|k lam nua|hong lam nua"
            + "|khong muon lam nua|ko muon lam nua|khong can nua|ko can nua|khong dang ky nua|ko dang ky nua"
            + "|stop|quit|never ?mind|forget it|abort)( .*)?$"
            + "|^((actually|sorry|no|ok|well|" + HESITATION + ") )*(i )?(want to |would like to |d like to |wanna "
            + "|should |might |d better |ll |will |better )?(just )?(cancel|stop|quit)( .*)?$"
            + "|^thoi( di| nhe| nha| khong| ko| nua)*$"
            // putting it off, opening the line, whatever reason follows: "thôi để sau đi, e chưa có hợp đồng", "thoi
            // khoan de sau, e hoi lai vo da", "later", "not now" ("để sau khi…", "để sau này", "để sau tết" are not:
            // they go on, or name a day)
            + "|^((thoi|khoan|tam|thoi thi|vay|the|thi|ok|oke|uh|um|a|oi|hmm|" + HESITATION + ") )*(de|hen|cu) (sau|luc khac"
            + "|khi khac|hom khac|bua khac|dip khac)(?! (khi|nay|do|nua|cung|roi|tet|thu|ngay|tuan|thang|nam|\\d+)\\b)( .*)?$"
            + "|^((ok|okay|oh|hmm|well|sorry|actually|" + HESITATION + ") )*(i ll |i will |let s |lets |we ll |i d rather )?"
            + "(do (it|this) |continue |finish (it|this) |come back )?(later|not now)( (please|thanks|thank you|then|ok"
            + "|sorry|maybe))*$"
            // "để em suy nghĩ đã", "để tôi bàn với gia đình đã", "let me think about it": not now, for a while
            + "|^((thoi|khoan|vay|the|ok|oke|uh|um|a|oi|hmm|" + HESITATION + ") )*de (toi|em|e|minh|tui|t|chau|con) "
            + "(suy nghi|nghi|ban|hoi|xem|coi|tinh|ve|ve nha)\\b.*\\bda$"
            + "|^((ok|okay|hmm|well|" + HESITATION + ") )*let me (think|talk|ask|check|discuss)\\b.*\\b(first|about it)$"
            + "|.*\\b(khong (muon )?(lam|dang ky|nop) (nua|tiep)|ko (muon )?(lam|dang ky|nop) (nua|tiep)"
            // putting it off is stopping for now: "thôi để hôm khác", "để lần sau nhé", "maybe another time"
            + "|(de|hen) (hom|bua|lan|luc|dip|khi) (khac|sau)|(another|some other) time|maybe later"
            + "|(do|finish) (it|this) later"
            + "|(don t|dont|do not) want to (do (this|it)|continue|go on|apply)|(cancel|drop) (the|my|this) "
            + "(request|form|booking|appointment|application)|huy (yeu cau|ho so|dang ky|lich hen|don))\\b.*");
    /** Answers to "cancel the form?" or "erase?" that mean "no, go on": "làm tiếp", "keep it", "continue". */
    private static final Pattern GO_ON = Pattern.compile(
            "\\b(lam tiep|tiep tuc|tiep di|dien tiep|nhap tiep|khong huy|ko huy|giu lai|giu|keep|continue|go on"
            + "|carry on|don t cancel|dont cancel|do not cancel|don t erase|do not erase"
            // a negated erase verb answers "erase?" with a no: "thôi ko xoá nữa", "đừng xoá", "don't delete"
            + "|(khong|ko|k|kh|dung|chua) (can )?xoa|don t delete|dont delete|do not delete)\\b");
    private static final Pattern EDIT = Pattern.compile(
            "\\b(sua|sua lai|doi|doi lai|thay doi|thay|nhap lai|ghi lai|sai|nham|nhap sai|ghi sai|go sai|khac|change|edit"
            + "|correct|fix|update|wrong|mistake|typo|other|another|different)\\b");
    private static final Map<String, Pattern> FIELD_WORDS = new LinkedHashMap<>();
    /** "số" alone names the phone only in a short line ("sai số rồi"); in a note it is any number ("số CCCD"). */
    private static final Pattern SHORT_PHONE = Pattern.compile("\\b(?<!ho )so\\b(?! do\\b)");
    private static final int SHORT_LINE = 4;

    static {
        FIELD_WORDS.put("phone", Pattern.compile(
                "\\b(so dien thoai|dien thoai|so dt|sdt|dt|so phone|phone|number|mobile|so di dong|so lien lac)\\b"));
        FIELD_WORDS.put("preferred_day", Pattern.compile(
                "\\b(ngay hen|ngay den|lich hen|ngay|hom|day|date|appointment|lich)\\b"));
        FIELD_WORDS.put("contact_name", Pattern.compile("\\b(ho ten|ho va ten|ten|name)\\b"));
        FIELD_WORDS.put("details", Pattern.compile(
                "\\b(ghi chu|noi dung|mo ta|chi tiet|loi nhan|details|detail|notes|note|description|message)\\b"));
        FIELD_WORDS.put("request_kind", Pattern.compile("\\b(loai yeu cau|loai|kind|type|option)\\b"));
    }

    private static final Pattern STAFF = Pattern.compile(
            "\\b(gap (truc tiep )?(can bo|nguoi that|nhan vien|nguoi)|noi chuyen (voi|vs) (can bo|nguoi|nhan vien)"
            + "|chuyen (cho |sang )?(can bo|nguoi that|nhan vien)|cho (toi|em|minh) gap|talk to (a |an )?(human|person"
            + "|staff|someone|officer|real person|agent)|speak (to|with) (a |an )?(human|person|staff|someone|officer"
            + "|agent)|real person|human agent)\\b");
    /**
     * "Em hỏi trường hợp riêng", "my case is a special one": the citizen says the general answer does not fit them,
     * which at a ward desk is what an officer is for.
     */
    private static final Pattern SPECIAL_CASE = Pattern.compile(
            "\\b(truong hop (rieng|dac biet|cu the)|hoan canh (rieng|dac biet)|special case|my (own )?case is (special"
            + "|different|unusual|complicated)|unusual case|particular case)\\b");
    /** An optional field left empty: "không có gì", "no", "skip". */
    private static final Pattern NOTHING = Pattern.compile(
            "^(khong|ko|k|hong|hok|hem|kh|no|nope|none|nothing|skip|n/a|bo qua|thoi)( (co|gi|j|ji|can|them|dau|nua|a|nhe"
            + "|ban|ad|thanks|thank you|nothing|else|more|ghi|them gi|co gi|co j|gi ca|gi het|gi nua|ca|het))*$");
    /**
     * "Send it" at the summary in words: "submit", "looks good, send it", "gửi đi ạ", "đúng rồi nộp luôn", "xác
     * nhận". The whole line must be such words and particles, so "đừng gửi", "not right" and "send it to my other
     * number?" are not.
     */
    private static final Pattern SEND = Pattern.compile(
            "^((yes|yeah|yep|ok|okay|oke|okie|sure|fine|great|perfect|good|all good|looks good|look good|looks fine"
            + "|looks right|looks ok|looks correct|that s (right|correct|fine|good|all)|thats (right|correct|all)"
            + "|everything (is |s )?(right|correct|fine|ok|good)|all (correct|right|fine)|correct|right|submit|send"
            + "|confirm|confirmed|go ahead|proceed|do it|file it|book it|co|u|uk|dung roi|dung het( roi)?|chinh xac"
            + "|chuan( roi)?|on roi|duoc roi|dc roi|ok het|gui|gui di|nop|nop di|xac nhan|dong y|chot|chot di|luon"
            + "|it|now|please|them|the request|the form|my request|my application|this|di|nhe|nha|a|ad|giup|em|toi"
            + "|minh|e|ho|voi|roi|het|thanks|thank you|vang|da)( |$))+$");
    /** What in such a line says yes or send (the rest may be particles only). */
    private static final Pattern SEND_WORD = Pattern.compile(
            "\\b(yes|yeah|yep|ok|okay|oke|okie|sure|fine|great|perfect|good|right|correct|submit|send|confirm|confirmed"
            + "|proceed|go ahead|do it|file it|book it|co|u|uk|dung|chinh xac|chuan|on roi|duoc roi|dc roi|gui|nop|xac nhan"
            + "|dong y|chot)\\b");

    /** "còn X thì sao?", "X thì sao", "what about X", "how about X", "and X?": same question, another subject. */
    private static final Pattern WHAT_ABOUT = Pattern.compile(
            "(^(con|the con|vay con|the|vay) .*|.*\\b(thi sao|thi the nao|thi sao a|the nao|sao a|thi ntn|thi sao nhi)\\s*$"
            + "|^(what|how) about .*|^and (for |what about )?.*|^same (for|question for) .*|.*\\b(too|as well)$)");
    /** "giấy đó", "thủ tục này", "cái đó", "it", "that one": the procedure talked about. */
    private static final Pattern THAT_ONE = Pattern.compile(
            "\\b(giay (do|nay|day|kia)|giay to (do|nay|day|kia)|may giay (do|nay)|thu tuc (do|nay|day|kia)|cai (do|nay|day|kia)|ho so (do|nay|day)|vu (do|nay)"
            + "|loai (do|nay)|no|it|that one|this one|that|this procedure|that procedure|the same)\\b");
    /** A bare pronoun ("it", "nó", "that"): it points at a procedure named in the same line before it points back. */
    private static final Pattern BARE_PRONOUN = Pattern.compile("\\b(no|it|that|this)\\b(?! (one|procedure)\\b)");
    /**
     * Where to hand in the papers, as opposed to where the office is: a filing verb before "ở đâu" / "where" ("nộp ở
     * đâu", "làm ở ubnd phường hay ở đâu", "where do I file them"), not "phường ở đâu", "where is your office".
     */
    private static final Pattern FILE_WHERE = Pattern.compile(
            "\\b(nop|lam|dang ky|dk|xin|gui)\\b.*\\bo dau\\b"
            + "|\\bwhere (do|can|should|must) (i|we|you|they) (file|submit|apply|register|hand in|send|do)\\b"
            + "|\\b(file|submit|apply|register|hand (it|them) in)\\b.*\\bwhere\\b");
    /** "vậy thôi hả", "chỉ vậy thôi à", "is that all?", "is that it?": whether the last answer was the whole of it. */
    private static final Pattern THATS_ALL = Pattern.compile(
            "^(chi |chi can |co )?(vay|the|nhu vay|nhu the) thoi( (ha|ah|ak|u|sao|hay sao|nhi))+( (ad|ban|em|chi|anh))*$"
            + "|^(so )?is that (all|it)( then)?$|^only that$");
    /** Both things talked about: "where do I file them", "cả hai". */
    private static final Pattern BOTH = Pattern.compile("\\b(them|both|ca hai|ca 2|2 cai|hai cai)\\b");
    /** Taking leave in the same line as thanks: "thanks, bye", "cảm ơn, chào nhé", "thank you bye". */
    private static final Pattern FAREWELL = Pattern.compile(
            "\\b(bye|goodbye|good bye|bai bai|tam biet|chao nhe|chao nha|chao ad|chao ban|see you)\\b");
    /** "X với Y cái nào …", "which …, X or Y", "difference between X and Y", "X like Y": two procedures compared. */
    private static final Pattern COMPARES = Pattern.compile(
            "\\b(cai nao|ben nao|khac (gi|nhau)|giong (nhau|nhu)|so voi|which (one|ones|is|are|of|takes|costs)"
            + "|difference|differ|compared|versus|vs|each|both|ca hai|moi cai|hai cai)\\b");
    /** What introduces the new value in a correction; read on the typed text, accents and case as typed. */
    private static final Pattern NEW_VALUE = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(là|la|thành|thanh|is|to)(?![\\p{L}\\p{N}])|:");
    /**
     * What marks a line as a correction of something said before, with or without a field named: "à nhầm", "sai",
     * "đúng là", "sorry", "actually", "I meant", "my full name is".
     */
    private static final Pattern CORRECTION = Pattern.compile(
            "\\b(nham|sai|dung la|dung ra la|xin loi|sorry|actually|oops|i meant|i mean|typo|my bad|mistyped"
            + "|my full name is|my real name is)\\b");
    /** Not wanting to leave, give or share one's details: a refusal verb, then what is kept. */
    private static final Pattern KEEP_DETAILS = Pattern.compile(
            "\\b((khong|ko|k|hong|chang|hok|khg|kg) (muon|thich|dam|dinh|can|the|co y|chiu) (de lai|cung cap|dua|cho"
            + "|chia se|khai|ghi|gui|nhap|tiet lo|de|dien|neu)|(rather not|don t want to|do not want to|dont want to"
            + "|won t|will not|not comfortable|prefer not to|not going to|don t wanna|dont wanna|refuse to|not willing to)"
            + "( to)? (give|share|leave|provide|hand over|enter|type|send|put|disclose|giving|sharing|leaving|providing))"
            + "\\b.*\\b(thong tin|sdt|so dien thoai|so dt|dien thoai|so phone|so|ten|ho ten|du lieu|dia chi|cccd|cmnd"
            + "|ca nhan|details|information|info|data|phone|number|name|personal|address|contact)\\b");
    /**
     * "Tôi không đồng ý …", "em chưa đồng ý đâu, để em bàn với nhà đã", "I don't agree to that": a decline of the
     * notice said in a sentence, opening the line.
     */
    private static final Pattern NOT_AGREEING = Pattern.compile(
            "^((thoi|da|vang|a|uh|um|sorry|no|nah|hmm|ok|well|xin loi) )*((toi|em|e|minh|tui|chau|con|t|i) )?"
            + "(van |still )?(khong|ko|k|chua|hong|chang|don t|dont|do not|can t|cannot|won t) (the )?"
            + "(dong y|chap nhan|agree|consent|accept)\\b");
    /** "… có được không", "thì sao", "what if…": a question whether one may keep the details, not a refusal. */
    private static final Pattern IF_NOT = Pattern.compile(
            "\\b(duoc khong|dc ko|dc k|duoc ko|co sao khong|co sao ko|thi sao|co duoc|co can|bat buoc|can i|do i have to"
            + "|is it ok|is that ok|what if|must i|do i need|is it required|is it necessary)\\b");
    /**
     * The citizen's own data as the subject of a question: "about me", "my details", "thông tin của em", "số đt này",
     * "dữ liệu". What it asks (who sees it, how long it is kept) is the privacy notice's own list (OfficeFacts).
     */
    private static final Pattern MY_DATA = Pattern.compile(
            "\\b(about me|my (personal )?(data|details|information|info|phone number|phone|number|name)"
            + "|this (phone )?number|thong tin ca nhan|du lieu|(thong tin|so dien thoai|so dt|sdt|so phone|ten)"
            + "( nay| (cua|ve) (toi|em|e|minh|tui|t|chau|con)))\\b");
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
    /** Keyboard rows, for a line typed along one of them ("asdfgh", "qwertyuiop", "jkjkjk"). */
    private static final java.util.List<String> KEY_ROWS = java.util.List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final int MASH_MIN = 5;
    private static final String PRONOUN = "(toi|em|e|minh|anh|chi|t|tui|mik|chau|con|my)";
    /** Words that say which field a value is, or join two values: "sđt", "số", "phone", "và", "and". */
    private static final String FIELD_NAMING = "(so dien thoai|dien thoai|so dt|sdt|dt|so|phone number|phone|number"
            + "|mobile|tel|va|and|con|ngay hen|hen ngay|ngay|vao|on)( (cua )?" + PRONOUN + ")?( la| is)?";
    /**
     * A remark that the value before was mistyped ("gõ sai", "em ghi nhầm rồi", "sai chính tả", "typo", "my bad"): it
     * says why the line is sent, it is not part of the value. Bare "sai"/"nhầm" are left alone ("Nhâm" is a name).
     */
    private static final String TYPO = "(" + PRONOUN + " )?(go|danh|viet|ghi|nhap|bam|dien) (sai|nham|lon)( roi)?( a)?"
            + "|(sai|nham|loi) chinh ta|(i )?(made a |my )?typo|my bad|(i )?(mistyped|misspelled|misspelt)( it)?";
    /**
     * What may open a value without being part of it: "à nhầm", "sorry", "tên em là", "họ tên:", "my name is", "I'm",
     * "sđt". Pronouns count only inside such a phrase: "Minh Trần" keeps its "Minh".
     */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^((a|oi|uh|um|ah|oh|oops|ok|vang|da|a nham|nham|nham roi|sai|sai roi|xin loi|sorry|actually|i meant|i mean|"
            + TYPO + "|(ho va |ho )?ten( day du| that)?( (cua )?" + PRONOUN + ")?( dung)?( la)?|" + PRONOUN + " ten la|"
            + PRONOUN + " la|dung la|dung ra la|(my |the )?(full |real )?name( is| s)?|i m|im|i am|this is|it s|"
            + FIELD_NAMING + ")( |$))+");
    /** What may close a value without being part of it: "… sđt", "… và", "… nhé", "…, gõ sai". */
    private static final Pattern TAIL = Pattern.compile(
            "(( |^)(" + FIELD_NAMING + "|nhe|nha|please|thanks|a nhe|sorry|oops|xin loi|" + TYPO + "))+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    /** A message that asks something rather than gives a value. */
    private static final Pattern QUESTION = Pattern.compile(
            "(\\?|\\b(bao nhieu|bn|bao lau|may ngay|may gio|gi|j|khong|ko|k|chua|sao|the nao|ntn|nhu the nao|o dau|dau|ai"
            + "|nao|co can|can gi|can mang|lam sao|duoc khong|dc ko|dc k|what|how|when|where|which|why|who|can i|do i"
            + "|is it|does|is there)\\b)");

    private Phrases() {
    }

    /** Lower case, accents and đ folded, punctuation other than "?" and "/" to spaces, single spaces. */
    static String fold(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("").replace('đ', 'd');
        return SPACES.matcher(NOT_WORD.matcher(decomposed).replaceAll(" ")).replaceAll(" ").strip();
    }

    static boolean restart(String folded) {
        return RESTART.matcher(stripQuestion(folded)).matches();
    }

    static boolean withdraw(String folded) {
        return WITHDRAW.matcher(folded).find();
    }

    static boolean cancel(String folded) {
        return CANCEL.matcher(stripQuestion(folded)).matches();
    }

    static boolean goOn(String folded) {
        return GO_ON.matcher(folded).find();
    }

    static boolean edit(String folded) {
        return EDIT.matcher(folded).find();
    }

    /** The intake field a correction names ("sửa số điện thoại" → phone), among the form's own fields. */
    static Optional<String> field(String folded, java.util.Collection<String> formFields) {
        for (Map.Entry<String, Pattern> words : FIELD_WORDS.entrySet()) {
            if (formFields.contains(words.getKey()) && words.getValue().matcher(folded).find()) {
                return Optional.of(words.getKey());
            }
        }
        boolean phone = formFields.contains("phone") && words(folded) <= SHORT_LINE;
        return phone && SHORT_PHONE.matcher(folded).find() ? Optional.of("phone") : Optional.empty();
    }

    static boolean staff(String folded) {
        return STAFF.matcher(folded).find();
    }

    static boolean specialCase(String folded) {
        return SPECIAL_CASE.matcher(folded).find();
    }

    static boolean nothing(String folded) {
        return NOTHING.matcher(stripQuestion(folded)).matches();
    }

    /** The citizen confirms the summary in words ("submit", "looks good, send it", "gửi đi ạ"). */
    static boolean send(String folded) {
        return !folded.contains("?") && SEND.matcher(folded).matches() && SEND_WORD.matcher(folded).find();
    }

    static boolean asksWhen(String folded) {
        return ASKS_WHEN.matcher(folded).find();
    }

    static boolean asksWhere(String folded) {
        return ASKS_WHERE.matcher(folded).find();
    }

    static int words(String folded) {
        return folded.isBlank() ? 0 : folded.split(" ").length;
    }

    static boolean whatAbout(String folded) {
        return WHAT_ABOUT.matcher(stripQuestion(folded)).matches();
    }

    static boolean thatOne(String folded) {
        return THAT_ONE.matcher(folded).find();
    }

    /** Points back only with a bare pronoun ("can I do it online?"), no "giấy đó" / "that one". */
    static boolean onlyPronoun(String folded) {
        return !thatOne(BARE_PRONOUN.matcher(folded).replaceAll(" ")) && BARE_PRONOUN.matcher(folded).find();
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
        return then > 0 && words(folded.substring(0, then)) >= 3 || folded.matches(".*\\b(if|neu)\\b.*");
    }

    /** "vậy thôi à" asks only with a question mark: folded, "à" and the polite "ạ" are one word. */
    static boolean thatsAll(String folded) {
        String bare = stripQuestion(folded);
        return THATS_ALL.matcher(bare).matches()
               || folded.contains("?") && THATS_ALL.matcher(bare.replaceAll(" a\\b", " ha")).matches();
    }

    static boolean both(String folded) {
        return BOTH.matcher(folded).find();
    }

    static boolean farewell(String folded) {
        return FAREWELL.matcher(folded).find();
    }

    static boolean compares(String folded) {
        return COMPARES.matcher(folded).find();
    }

    /**
     * What a correction may carry as the new value: the text after each "là", "thành", "is", "to" or colon, first
     * marker first ("sđt là 0905…", "I want to change my phone to 0987…"); the caller keeps the first valid one.
     */
    static java.util.List<String> newValues(String text) {
        java.util.List<String> values = new java.util.ArrayList<>(2);
        Matcher m = NEW_VALUE.matcher(text);
        while (m.find()) {
            String value = text.substring(m.end()).strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** A correction marker: "à nhầm", "sai", "đúng là", "sorry", "actually", "I meant"… */
    static boolean correction(String folded) {
        return CORRECTION.matcher(folded).find();
    }

    /**
     * The typed text without what opens or closes a value but is not part of it ("tên em là", "my name is", "I'm",
     * "à nhầm", "sđt", "và"), accents and case as typed: "tên e là Lê Thị Mai, sđt" gives "Lê Thị Mai".
     */
    static String withoutLeadIns(String typed) {
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher word = WORD.matcher(typed);
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
            words.add(fold(word.group()));
        }
        String folded = String.join(" ", words);
        Matcher lead = LEAD_IN.matcher(folded);
        int from = lead.lookingAt() ? words(folded.substring(0, lead.end()).strip()) : 0;
        Matcher tail = TAIL.matcher(folded);
        int to = tail.find() ? words.size() - words(tail.group().strip()) : words.size();
        return from >= to ? "" : typed.substring(spans.get(from)[0], spans.get(to - 1)[1]);
    }

    /**
     * Not wanting to leave, give or share one's details, in any words ("thôi e ko muốn để lại thông tin đâu", "ko muốn
     * cung cấp sđt", "I'd rather not give my details"); a question about it ("… có được không", "what if I don't
     * want to give my number?") asks rather than refuses.
     */
    static boolean keepsDetails(String folded) {
        return KEEP_DETAILS.matcher(folded).find() && !folded.contains("?") && !IF_NOT.matcher(folded).find();
    }

    /** A decline of the notice in a sentence ("tôi không đồng ý …"), not a question whether one may. */
    static boolean notAgreeing(String folded) {
        return NOT_AGREEING.matcher(folded).find() && !folded.contains("?") && !IF_NOT.matcher(folded).find();
    }

    /** The citizen's own data is what the line talks about ("about me", "số đt này", "thông tin của em"). */
    static boolean myData(String folded) {
        return MY_DATA.matcher(folded).find();
    }

    /** A question that asks for information ("what time…", "mấy giờ", "có … không"), not whether a value will do. */
    static boolean asksSomething(String folded) {
        return ASKS_SOMETHING.matcher(folded.replace("?", " ")).find();
    }

    /**
     * Keyboard mash: every word runs along one keyboard row, each letter beside the one before (or the same), and at
     * least one such word is five letters or more ("asdfgh", "qwertyuiop", "jkjkjkjk"). No word of either language
     * does that; "hjhj" (a laugh) is too short to count.
     */
    static boolean mash(String folded) {
        if (folded.isBlank()) {
            return false;
        }
        boolean long_ = false;
        for (String word : folded.split(" ")) {
            if (!alongARow(word)) {
                return false;
            }
            long_ |= word.length() >= MASH_MIN;
        }
        return long_;
    }

    private static boolean alongARow(String word) {
        if (word.length() < 2) {
            return false;
        }
        for (String row : KEY_ROWS) {
            boolean along = true;
            for (int i = 0; i < word.length() && along; i++) {
                int here = row.indexOf(word.charAt(i));
                int before = i == 0 ? here : row.indexOf(word.charAt(i - 1));
                along = here >= 0 && Math.abs(here - before) <= 1;
            }
            if (along) {
                return true;
            }
        }
        return false;
    }

    static boolean question(String folded) {
        return QUESTION.matcher(folded).find();
    }

    private static String stripQuestion(String folded) {
        return folded.replace("?", "").strip();
    }
}
