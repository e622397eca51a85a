package jp.oqs.health;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One item of a stored check-up, as it was sent (a known item was checked before it was stored). */
@Embeddable
public class CheckupEntry {

    @Column(name = "code")
    private String code;

    @Column(name = "item_value")
    private String value;

    @Column(name = "unit")
    private String unit;

    protected CheckupEntry() {
    }

    CheckupEntry(String code, String value, String unit) {
        this.code = code;
        this.value = value;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public String value() {
        return value;
    }

    public String unit() {
        return unit;
    }
}
