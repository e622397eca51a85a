package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.InsurerException;
import jp.oqs.qualification.Qualification;
import jp.oqs.staff.StaffInquiries;

/**
 * A person's qualification history: found by insurer number and 記号・番号 (or the individual number) plus birth
 * date, as a clinic would; every search is audited. Shows each qualification at the caller's insurers with every
 * version, superseded ones marked. Never shows the link key.
 */
@Named
@ViewScoped
public class PersonHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient StaffInquiries inquiries;

    @Inject
    private ConsoleUser user;

    private String insurerNumber;
    private String symbol;
    private String number;
    private String individualNumber;
    @NotNull
    private LocalDate birthDate;
    private transient List<Qualification> history;
    private boolean searched;

    public void search() {
        boolean byIndividual = present(individualNumber);
        if (!byIndividual && !present(number)) {
            Texts.errorText("persons.identifierRequired");
            return;
        }
        try {
            history = inquiries.personHistory(user.personalDataScope(), insurerNumber, byIndividual ? null : strip(symbol),
                    byIndividual ? null : strip(number), byIndividual ? individualNumber.strip() : null, birthDate);
            searched = true;
        } catch (InvalidIdentifierException | InsurerException e) {
            history = null;
            searched = false;
            Texts.error(e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String strip(String value) {
        return present(value) ? value.strip() : null;
    }

    public List<Qualification> getHistory() {
        return history == null ? List.of() : history;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getInsurerNumber() {
        return insurerNumber;
    }

    public void setInsurerNumber(String insurerNumber) {
        this.insurerNumber = insurerNumber;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getIndividualNumber() {
        return individualNumber;
    }

    public void setIndividualNumber(String individualNumber) {
        this.individualNumber = individualNumber;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }
}
