package vn.warddesk.bot.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that steer a request form, read on folded text: change a field and which one, a correction marker, nothing
 * to add, send the summary, not wanting to leave one's details, a question about one's own data.
 */
final class FormWords {
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
            + "|minh|e|ho|voi|roi|het|thanks|thank you|vang|da"
            // "Bây giờ thì đúng rồi, xin gửi.": the time it is now and a polite "xin" before the verb
            + "|bay gio|gio|thi|xin|vay|the)( |$))+$");
    /** What in such a line says yes or send (the rest may be particles only). */
    private static final Pattern SEND_WORD = Pattern.compile(
            "\\b(yes|yeah|yep|ok|okay|oke|okie|sure|fine|great|perfect|good|right|correct|submit|send|confirm|confirmed"
            + "|proceed|go ahead|do it|file it|book it|co|u|uk|dung|chinh xac|chuan|on roi|duoc roi|dc roi|gui|nop|xac nhan"
            + "|dong y|chot)\\b");
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
            + "|chia se|khai|ghi|gui|nhap|tiet lo|de|dien|neu)|(rather not|don t want|do not want|dont want|not want"
            // simple English drops the "to": "no. I don't want give my phone number", "I not want give my name"
            + "|no want|won t|will not|not comfortable|prefer not|not going|don t wanna|dont wanna|refuse|not willing)"
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
    /**
     * Agreeing in a sentence: "Tôi đã đọc và đồng ý với thông báo nêu trên.", "rứa thì được, tui đồng ý", "dạ bà em đồng
     * ý ạ", "I have read it and I agree". The agree word itself must be there (Law 91/2025: consent is explicit).
     */
    private static final Pattern AGREE = Pattern.compile("\\b(dong y|chap nhan|chap thuan|agree|agreed|consent|accept)\\b");
    /** What before the agree word turns it around or makes it a condition: "không đồng ý", "nếu đồng ý", "rút lại sự đồng ý". */
    private static final Pattern NOT_BEFORE = Pattern.compile(
            "\\b(khong|ko|k|kh|khg|kg|chua|chang|hong|hok|not|don t|dont|do not|didn t|never|can t|cannot|won t|if|khi"
            + "|when|whether|rut|withdraw|revoke|huy)\\b"); // not "nếu": folded it is "nêu" ("thông báo nêu trên")
    /** What after it attaches a condition or a refusal: "đồng ý nhưng không cho số điện thoại", "I agree but…". */
    private static final Pattern CONDITION_AFTER = Pattern.compile(
            "\\b(nhung|but|tuy nhien|however|except|ngoai tru|mien la|as long as|provided|if|voi dieu kien)\\b");
    /** How many words before the agree word are read for a negation. */
    private static final int WORDS_BEFORE = 3;
    /** "… nhưng em không đồng ý đâu": a decline after a concession. */
    private static final Pattern CONCESSION = Pattern.compile("^.*\\b(nhung|but|tuy nhien|however|ma)\\b ");
    /**
     * A no that opens the line and coming to the office in person instead: "no thanks then, I'll just walk in", "thôi
     * vậy, để em ra phường trực tiếp", "ko cần đâu, mai e lên phường làm" (longer openings first: "ko cần đâu" whole).
     */
    private static final Pattern OPENING_NO = Pattern.compile(
            "^((well|hmm|um|uh|a|da|vang|ok) )?(thoi khong can|thoi ko can|thoi khoi|khong can|ko can"
            + "|k can|no|nah|nope|thoi|khoi|khong|ko|k|hong)( (thanks|thank you|cam on|dau|nhe|nha|a|ad))*( (then|vay|the|thi|roi))?\\b");
    private static final Pattern IN_PERSON = Pattern.compile(
            "\\b(walk in|walk over|come (in|over|by)|in person|go (there|in|over)|myself"
            + "|(ra|len|den|toi|qua) (phuong|xa|uy ban|ubnd|van phong|tan noi|truc tiep)|truc tiep|tan noi)\\b");
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

    private FormWords() {
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
        boolean phone = formFields.contains("phone") && Folding.words(folded) <= SHORT_LINE;
        return phone && SHORT_PHONE.matcher(folded).find() ? Optional.of("phone") : Optional.empty();
    }

    static boolean nothing(String folded) {
        return NOTHING.matcher(Folding.withoutQuestionMark(folded)).matches();
    }

    /** The citizen confirms the summary in words ("submit", "looks good, send it", "gửi đi ạ"). */
    static boolean send(String folded) {
        return !folded.contains("?") && SEND.matcher(folded).matches() && SEND_WORD.matcher(folded).find();
    }

    /** A correction marker: "à nhầm", "sai", "đúng là", "sorry", "actually", "I meant"… */
    static boolean correction(String folded) {
        return CORRECTION.matcher(folded).find();
    }

    /**
     * Not wanting to leave, give or share one's details, in any words ("thôi e ko muốn để lại thông tin đâu", "ko muốn
     * cung cấp sđt", "I'd rather not give my details"); a question about it ("… có được không", "what if I don't
     * want to give my number?") asks rather than refuses.
     */
    static boolean keepsDetails(String folded) {
        return KEEP_DETAILS.matcher(folded).find() && !folded.contains("?") && !IF_NOT.matcher(folded).find();
    }

    /**
     * A decline of the notice in a sentence ("tôi không đồng ý …", "em đọc rồi nhưng em không đồng ý đâu"), not a
     * question whether one may.
     */
    static boolean notAgreeing(String folded) {
        Matcher concession = CONCESSION.matcher(folded);
        String declined = concession.lookingAt() ? folded.substring(concession.end()) : folded;
        return (NOT_AGREEING.matcher(folded).find() || NOT_AGREEING.matcher(declined).find()) && !folded.contains("?")
               && !IF_NOT.matcher(folded).find();
    }

    /**
     * Agreeing in one's own words: an agree word with no negation or condition in the words before it, nothing that
     * attaches a condition after it, not asked as a question and not refusing one's details ("Tôi đã đọc và đồng ý với
     * thông báo nêu trên.", "rứa thì được, tui đồng ý", "da ba em dong y a", "I have read it and I agree").
     */
    static boolean agrees(String folded) {
        Matcher agree = AGREE.matcher(folded);
        if (!agree.find() || folded.contains("?") || QuestionShapes.question(folded) || IF_NOT.matcher(folded).find()
            || keepsDetails(folded) || CONDITION_AFTER.matcher(folded.substring(agree.end())).find()) {
            return false;
        }
        String[] before = folded.substring(0, agree.start()).strip().split(" ");
        String near = String.join(" ", java.util.Arrays.copyOfRange(before, Math.max(0, before.length - WORDS_BEFORE),
                                                                     before.length));
        return !NOT_BEFORE.matcher(near).find();
    }

    /** A no, and the citizen will come to the office instead of booking here; not a question. */
    static boolean goesInstead(String folded) {
        Matcher no = OPENING_NO.matcher(folded);
        if (!no.find()) {
            return false;
        }
        String rest = folded.substring(no.end());
        return IN_PERSON.matcher(rest).find() && !rest.contains("?") && !QuestionShapes.question(rest);
    }

    /** The citizen's own data is what the line talks about ("about me", "số đt này", "thông tin của em"). */
    static boolean myData(String folded) {
        return MY_DATA.matcher(folded).find();
    }
}
