package jp.oqs.qualification;

import java.time.LocalDate;
import jp.oqs.api.sync.Relationship;

/** What a version says about a qualification besides its dates. */
public record VersionAttributes(Relationship relationship, String nameKanji, String nameKana, int copayRatio,
                                LocalDate cardIssuedOn, LocalDate cardExpiresOn) {
}
