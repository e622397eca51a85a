package jp.oqs.qualification;

import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.SpecificDisease;

/**
 * What a version says about a qualification besides its dates. The certificates held in a version may each be
 * valid on only part of the version's period (their own dates say when).
 *
 * @param cardClassification 被保険者証区分, or {@code null} when the insurer never sent one
 * @param elderlyRecipient   高齢受給者証, or {@code null}
 * @param limitCertificate   限度額適用認定証, or {@code null}
 * @param specificDiseases   特定疾病療養受療証, never {@code null} (empty when none)
 */
public record VersionAttributes(Relationship relationship, String nameKanji, String nameKana, int copayRatio,
                                LocalDate cardIssuedOn, LocalDate cardExpiresOn,
                                CardClassification cardClassification, ElderlyRecipient elderlyRecipient,
                                LimitCertificate limitCertificate, List<SpecificDisease> specificDiseases) {

    public VersionAttributes {
        specificDiseases = specificDiseases == null ? List.of() : List.copyOf(specificDiseases);
    }
}
