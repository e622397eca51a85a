package jp.oqs.insurer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.ManagingOrganisation;

/**
 * Criteria of an insurer search; every criterion is optional. {@code text} matches an insurer-number prefix or
 * part of the kanji or kana name.
 */
public record InsurerSearch(ManagingOrganisation managingOrganisation, InsurerCategory category,
                            InsurerStatus status, @Size(max = 100) String text,
                            @Min(0) int page, @Min(1) @Max(500) int size) {
}
