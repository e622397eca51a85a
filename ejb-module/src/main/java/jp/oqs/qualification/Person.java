package jp.oqs.qualification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import jp.oqs.api.sync.Sex;

/**
 * A person, linked across insurers by the intermediate server's opaque key. The key is never logged and never
 * leaves the service towards clinics; {@link #toString()} leaves it out.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.findByLinkKey", query = "SELECT p FROM Person p WHERE p.linkKey = :linkKey")
@NamedQuery(name = "Person.findByLinkKeys", query = "SELECT p FROM Person p WHERE p.linkKey IN :linkKeys")
@NamedNativeQuery(name = "Person.lock", query = "UPDATE person SET birth_date = birth_date WHERE id = ?")
public class Person {

    @Id
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    private Long id;

    @Column(name = "link_key", updatable = false)
    private String linkKey;

    @Column(name = "birth_date", updatable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", updatable = false)
    private Sex sex;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected Person() {
    }

    public Person(String linkKey, LocalDate birthDate, Sex sex, Instant createdAt) {
        this.linkKey = linkKey;
        this.birthDate = birthDate;
        this.sex = sex;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    /** The link key: for matching sync records only; never log it, never show it to a clinic. */
    public String linkKey() {
        return linkKey;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    @Override
    public String toString() {
        return "Person#" + id;
    }
}
