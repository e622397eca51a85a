package jp.oqs.claims;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.claims.ClaimReason;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.platform.InlineText;

/**
 * What routing decided for one claim of a job: its disposition, reason and segments. Written once, by the chunk
 * that resolves the claim, beside the claim as written ({@link ClaimItem}), which is never changed (V26).
 */
@Entity
@Table(name = "claim_resolution")
@IdClass(ClaimItem.Key.class)
public class ClaimItemResolution {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type SEGMENTS = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {ClaimSegment.class};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    @Id
    @Column(name = "job_id", updatable = false)
    private String jobId;

    @Id
    @Column(name = "item_index", updatable = false)
    private int index;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition", updatable = false)
    private ClaimDisposition disposition;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", updatable = false)
    private ClaimReason reason;

    /** The segments as JSON when they fit the inline column (every ordinary claim's do). */
    @Column(name = "segments_text", updatable = false)
    private String segmentsText;

    /** Only segments longer than the inline column ({@link InlineText}). */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "segments_json", updatable = false)
    private String segmentsJson;

    protected ClaimItemResolution() {
    }

    ClaimItemResolution(String jobId, int index, ClaimRouting.Resolution resolution) {
        this.jobId = jobId;
        this.index = index;
        this.disposition = resolution.disposition();
        this.reason = resolution.reason();
        String json = resolution.segments().isEmpty() ? null : JSON.toJson(resolution.segments(), SEGMENTS);
        boolean inline = json == null || InlineText.fits(json);
        this.segmentsText = inline ? json : null;
        this.segmentsJson = inline ? null : json;
    }

    ClaimDisposition disposition() {
        return disposition;
    }

    ClaimReason reason() {
        return reason;
    }

    List<ClaimSegment> segments() {
        String json = segmentsText != null ? segmentsText : segmentsJson;
        return json == null ? List.of() : JSON.fromJson(json, SEGMENTS);
    }
}
