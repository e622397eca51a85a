package jp.oqs.numbering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jp.oqs.qualification.Qualification;

/** A centrally generated number, kept forever: its primary key makes it unique nationally. */
@Entity
@Table(name = "central_number")
public class CentralNumber {

    @Id
    @Column(name = "individual_number")
    private String individualNumber;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "qualification_id", updatable = false)
    private Qualification qualification;

    protected CentralNumber() {
    }

    public CentralNumber(String individualNumber, Qualification qualification) {
        this.individualNumber = individualNumber;
        this.qualification = qualification;
    }
}
