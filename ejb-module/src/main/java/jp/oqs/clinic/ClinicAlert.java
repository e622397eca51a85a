package jp.oqs.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A clinic whose share of not-found answers (validity 4) in a window reached the alert threshold: a sign of
 * guessing birth dates or numbers. Written once, never changed. Names the clinic only, no person.
 */
@Entity
@Table(name = "clinic_alert")
@NamedQuery(name = "ClinicAlert.recent", query = "SELECT a FROM ClinicAlert a ORDER BY a.raisedAt DESC, a.id DESC")
public class ClinicAlert {

    /** The only kind so far. */
    public static final String NOT_FOUND_RATIO = "NOT_FOUND_RATIO";

    @Id
    @SequenceGenerator(name = "clinic_alert_seq", sequenceName = "clinic_alert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clinic_alert_seq")
    @Column(updatable = false)
    private Long id;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "kind", updatable = false)
    private String kind;

    @Column(name = "window_start", updatable = false)
    private Instant windowStart;

    @Column(name = "window_end", updatable = false)
    private Instant windowEnd;

    @Column(name = "answer_count", updatable = false)
    private int answers;

    @Column(name = "not_found_count", updatable = false)
    private int notFound;

    @Column(name = "raised_at", updatable = false)
    private Instant raisedAt;

    protected ClinicAlert() {
    }

    ClinicAlert(NotFoundWatch.Crossing crossing, Instant raisedAt) {
        this.clinicCode = crossing.clinic();
        this.kind = NOT_FOUND_RATIO;
        this.windowStart = crossing.windowStart();
        this.windowEnd = crossing.windowEnd();
        this.answers = crossing.answers();
        this.notFound = crossing.notFound();
        this.raisedAt = raisedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String clinicCode() {
        return clinicCode;
    }

    public String kind() {
        return kind;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public int answers() {
        return answers;
    }

    public int notFound() {
        return notFound;
    }

    public Instant raisedAt() {
        return raisedAt;
    }
}
