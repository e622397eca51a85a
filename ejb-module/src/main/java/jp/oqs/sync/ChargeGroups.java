package jp.oqs.sync;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.CertificateGroup;
import jp.oqs.api.sync.DatedCertificate;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.api.sync.SpecificDiseaseCategory;
import jp.oqs.qualification.Ages;
import jp.oqs.qualification.RecordRejectedException;

/**
 * Rules of the groups a desk charges by (窓口負担): the card's classification and the certificates that change what
 * the patient pays. Each group's dates lie inside the qualification it belongs to, and a code the insurer does not
 * issue, or one for another age, is a {@code RECORD_INVALID} rejection that says why.
 */
final class ChargeGroups {

    private static final LocalDate LAST_EXPIRY = LocalDate.of(2199, 12, 31);
    private static final Set<InsurerCategory> KOKUHO_RETIREE = EnumSet.of(InsurerCategory.MUNICIPAL_NHI,
            InsurerCategory.RETIREE_MEDICAL);
    private static final Set<InsurerCategory> SHORT_TERM = EnumSet.of(InsurerCategory.MUNICIPAL_NHI,
            InsurerCategory.NHI_ASSOCIATION, InsurerCategory.RETIREE_MEDICAL, InsurerCategory.LATE_ELDERLY);

    private ChargeGroups() {
    }

    /**
     * The qualification a group belongs to: its holder's birth date, its insurer's category and its period
     * ({@code lostOn} is the first day without it, {@code null} while open).
     */
    record Holder(LocalDate birthDate, InsurerCategory category, LocalDate acquiredOn, LocalDate lostOn) {
    }

    /** 被保険者証区分: only a kind the insurer's category issues. */
    static CardClassification cardClassification(CardClassification value, Holder holder)
            throws RecordRejectedException {
        if (value == null) {
            return null;
        }
        boolean issued = switch (value) {
            case GENERAL, QUALIFICATION_CERTIFICATE -> true;
            case RETIREE, SHORT_TERM_RETIREE -> KOKUHO_RETIREE.contains(holder.category());
            case SHORT_TERM -> SHORT_TERM.contains(holder.category());
            case SPECIAL_RETIREE -> holder.category() == InsurerCategory.SPECIAL_RETIREE;
            case SELF_DEFENSE_FORCES -> holder.category() == InsurerCategory.SELF_DEFENSE_FORCES;
        };
        if (!issued) {
            throw RecordFields.invalid("被保険者証区分" + value.code() + "はこの保険者（" + holder.category()
                            + "）では交付されません。",
                    "qualification.cardClassification " + value + " (" + value.code() + ") is not issued by a "
                            + holder.category() + " insurer");
        }
        return value;
    }

    /**
     * 高齢受給者証: every date given and inside the qualification, a ratio of 20 or 30, a holder aged 70 to 74 on
     * {@code validFrom}, and never at a 後期高齢者 insurer (its insured have no such certificate).
     */
    static ElderlyRecipient elderlyRecipient(ElderlyRecipient value, Holder holder, LocalDate latestDate)
            throws RecordRejectedException {
        if (value == null) {
            return null;
        }
        String group = "qualification.elderlyRecipient";
        period(group, value, holder, latestDate);
        Integer ratio = RecordFields.required(value.ratio(), group + ".ratio");
        if (ratio != 20 && ratio != 30) {
            throw RecordFields.invalid("高齢受給者証の負担割合は20・30のいずれかです。",
                    group + ".ratio must be 20 or 30 (percent), got " + ratio);
        }
        if (holder.category() == InsurerCategory.LATE_ELDERLY) {
            throw RecordFields.invalid("後期高齢者医療の被保険者には高齢受給者証はありません。",
                    group + " is not issued by a LATE_ELDERLY insurer; its copay ratio is the qualification's");
        }
        int age = Ages.on(holder.birthDate(), value.validFrom());
        if (age < 70 || age > 74) {
            throw RecordFields.invalid("高齢受給者証は有効開始日に70歳以上75歳未満の人のものです（" + age + "歳）。",
                    group + ".validFrom " + value.validFrom() + ": the holder is " + age
                            + "; the certificate is for persons aged 70 to 74");
        }
        return value;
    }

    /**
     * 限度額適用認定証: every date given and inside the qualification, and a category of the holder's family: A01–A06
     * under 70 on {@code validFrom}, B01–B08 from 70, B09 and B10 at a 後期高齢者 insurer only, whose insured have
     * only B codes.
     */
    static LimitCertificate limitCertificate(LimitCertificate value, Holder holder, LocalDate latestDate)
            throws RecordRejectedException {
        if (value == null) {
            return null;
        }
        String group = "qualification.limitCertificate";
        RecordFields.required(value.classification(), group + ".classification");
        LimitCategory category = RecordFields.required(value.category(), group + ".category");
        period(group, value, holder, latestDate);
        LocalDate longTerm = RecordFields.optionalDate(value.longTermInpatientOn(), group + ".longTermInpatientOn",
                latestDate);
        boolean lateElderly = holder.category() == InsurerCategory.LATE_ELDERLY;
        int age = Ages.on(holder.birthDate(), value.validFrom());
        if (lateElderly && !category.seventyAndOver()) {
            throw RecordFields.invalid("後期高齢者医療の適用区分はB01～B10です（" + category + "）。",
                    group + ".category " + category + ": a LATE_ELDERLY insurer's insured have B codes only");
        }
        if (!lateElderly && category.lateElderlyOnly()) {
            throw RecordFields.invalid("適用区分" + category + "は後期高齢者医療のみです。",
                    group + ".category " + category + " is issued by LATE_ELDERLY insurers only");
        }
        if (!lateElderly && category.seventyAndOver() != (age >= 70)) {
            throw RecordFields.invalid("適用区分" + category + "は" + (category.seventyAndOver() ? "70歳以上" : "70歳未満")
                            + "の区分です（有効開始日に" + age + "歳）。",
                    group + ".category " + category + " is for persons " + (category.seventyAndOver()
                            ? "of 70 and over (B01-B08)" : "under 70 (A01-A06)") + "; the holder is " + age
                            + " on validFrom " + value.validFrom());
        }
        if (longTerm != null) {
            within(group + ".longTermInpatientOn", longTerm, longTerm, longTerm, holder);
        }
        return value;
    }

    /**
     * 特定疾病療養受療証: at most one per category, every date given and inside the qualification, a monthly limit of
     * 10,000 or 20,000 yen.
     */
    static List<SpecificDisease> specificDiseases(List<SpecificDisease> value, Holder holder, LocalDate latestDate)
            throws RecordRejectedException {
        if (value == null) {
            return List.of();
        }
        Set<SpecificDiseaseCategory> seen = EnumSet.noneOf(SpecificDiseaseCategory.class);
        for (int i = 0; i < value.size(); i++) {
            String group = "qualification.specificDiseases[" + i + "]";
            SpecificDisease disease = RecordFields.required(value.get(i), group);
            SpecificDiseaseCategory category = RecordFields.required(disease.category(), group + ".category");
            if (!seen.add(category)) {
                throw RecordFields.invalid("特定疾病の認定疾病区分" + category.code() + "が重複しています。",
                        group + ".category " + category + " appears more than once; one certificate per category");
            }
            period(group, disease, holder, latestDate);
            Integer limit = RecordFields.required(disease.selfPayLimit(), group + ".selfPayLimit");
            if (limit != 10_000 && limit != 20_000) {
                throw RecordFields.invalid("特定疾病の自己負担限度額は10000円・20000円のいずれかです。",
                        group + ".selfPayLimit must be 10000 or 20000 (yen a month), got " + limit);
            }
        }
        return List.copyOf(value);
    }

    /**
     * The certificate groups a CHANGE or CORRECT ends ({@code endCertificates}): from its date the new version holds
     * none of them. A group both ended and sent in the record is a contradiction the sender must resolve, refused
     * rather than guessed at.
     */
    static Set<CertificateGroup> ended(QualificationData data) throws RecordRejectedException {
        Set<CertificateGroup> ended = EnumSet.noneOf(CertificateGroup.class);
        if (data.endCertificates() == null) {
            return ended;
        }
        for (int i = 0; i < data.endCertificates().size(); i++) {
            ended.add(RecordFields.required(data.endCertificates().get(i),
                    "qualification.endCertificates[" + i + "]"));
        }
        for (CertificateGroup group : ended) {
            boolean sent = switch (group) {
                case ELDERLY_RECIPIENT -> data.elderlyRecipient() != null;
                case LIMIT_CERTIFICATE -> data.limitCertificate() != null;
                case SPECIFIC_DISEASES -> data.specificDiseases() != null && !data.specificDiseases().isEmpty();
            };
            if (sent) {
                throw RecordFields.invalid("終了する証（" + group + "）と同じ証が同じレコードで送られています。",
                        "qualification.endCertificates names " + group + ", which this record also sends; end it or"
                                + " send its new certificate, not both");
            }
        }
        return ended;
    }

    /** An ACQUIRE starts a qualification: it has no certificate to end yet. */
    static void nothingEnded(QualificationData data) throws RecordRejectedException {
        if (data.endCertificates() != null && !data.endCertificates().isEmpty()) {
            throw RecordFields.invalid("資格取得（ACQUIRE）では証の終了（endCertificates）は指定できません。",
                    "qualification.endCertificates is for CHANGE and CORRECT; an ACQUIRE has no certificate to end"
                            + " (leave the group out)");
        }
    }

    /** A certificate's dates are given, in range, ordered, and inside the qualification. */
    private static void period(String group, DatedCertificate value, Holder holder, LocalDate latestDate)
            throws RecordRejectedException {
        within(group, RecordFields.date(value.issuedOn(), group + ".issuedOn", latestDate),
                RecordFields.date(value.validFrom(), group + ".validFrom", latestDate),
                RecordFields.date(value.validTo(), group + ".validTo", LAST_EXPIRY), holder);
    }

    /** A group's period is ordered and lies inside the qualification's. */
    private static void within(String group, LocalDate issuedOn, LocalDate validFrom, LocalDate validTo,
                               Holder holder) throws RecordRejectedException {
        if (validTo.isBefore(validFrom)) {
            throw RecordFields.invalid("有効終了日が有効開始日より前です。",
                    group + ".validTo " + validTo + " is before its validFrom " + validFrom);
        }
        if (issuedOn.isAfter(validTo)) {
            throw RecordFields.invalid("交付年月日が有効終了日より後です。",
                    group + ".issuedOn " + issuedOn + " is after its validTo " + validTo);
        }
        if (validFrom.isBefore(holder.acquiredOn())) {
            throw RecordFields.invalid("有効開始日が資格取得日（" + holder.acquiredOn() + "）より前です。",
                    group + ".validFrom " + validFrom + " is before the qualification's acquiredOn "
                            + holder.acquiredOn());
        }
        if (holder.lostOn() != null && !validTo.isBefore(holder.lostOn())) {
            throw RecordFields.invalid("有効終了日が資格喪失日（" + holder.lostOn() + "）以降です。",
                    group + ".validTo " + validTo + " is on or after the qualification's lostOn " + holder.lostOn()
                            + " (the first day without it)");
        }
    }
}
