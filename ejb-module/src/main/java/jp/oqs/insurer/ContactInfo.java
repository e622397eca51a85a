package jp.oqs.insurer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The insurer's contact for the operators. */
@Embeddable
public class ContactInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "contact_department")
    private String department;
    @Column(name = "contact_person_name")
    private String personName;
    @Column(name = "contact_phone")
    private String phone;
    @Column(name = "contact_email")
    private String email;

    protected ContactInfo() {
    }

    public ContactInfo(String department, String personName, String phone, String email) {
        this.department = department;
        this.personName = personName;
        this.phone = phone;
        this.email = email;
    }

    public String department() {
        return department;
    }

    public String personName() {
        return personName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }
}
