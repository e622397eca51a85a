package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerException;
import jp.oqs.insurer.InsurerService;

/**
 * Onboarding: 保険者番号 (checked as the user leaves the field, naming the rule that failed), names, the numbering
 * rule and its start; then a confirmation step; then the registry's {@code onboard}. Activation is on the
 * insurer's page.
 */
@Named
@ViewScoped
public class Onboarding implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient InsurerService insurers;

    @Inject
    private ConsoleUser user;

    @Inject
    private transient jakarta.validation.Validator validator;

    private String insurerNumber;
    @NotBlank
    @Size(max = 100)
    private String nameKanji;
    @NotBlank
    @Size(max = 100)
    private String nameKana;
    private final RuleForm rule = new RuleForm();
    private boolean confirming;

    /** The field's validator: the value object's own rules, its message shown beside the field. */
    public void validateInsurerNumber(FacesContext faces, UIComponent field, Object value) {
        try {
            InsurerNumber.parse(value == null ? null : value.toString());
        } catch (InvalidIdentifierException e) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.describe(e), null));
        }
    }

    /** The number, when it is valid: category, managing organisation and prefecture come from it. */
    public InsurerNumber getParsedNumber() {
        try {
            return InsurerNumber.parse(insurerNumber);
        } catch (InvalidIdentifierException e) {
            return null;
        }
    }

    public void confirm() {
        confirming = true;
    }

    public void edit() {
        confirming = false;
    }

    public String register() {
        OnboardInsurerRequest request = new OnboardInsurerRequest(insurerNumber, nameKanji.strip(), nameKana.strip(),
                null, rule.getKind() == null ? null : rule.toRequest());
        if (!Texts.valid(validator, request)) {
            confirming = false;
            return null;
        }
        try {
            Insurer insurer = insurers.onboard(user.scope(), request);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Texts.info("onboard.done", insurer.insurerNumber());
            return "/console/insurer?faces-redirect=true&number=" + insurer.insurerNumber();
        } catch (InvalidIdentifierException | InsurerException e) {
            confirming = false;
            Texts.error(e);
            return null;
        }
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getInsurerNumber() {
        return insurerNumber;
    }

    public void setInsurerNumber(String insurerNumber) {
        this.insurerNumber = insurerNumber;
    }

    public String getNameKanji() {
        return nameKanji;
    }

    public void setNameKanji(String nameKanji) {
        this.nameKanji = nameKanji;
    }

    public String getNameKana() {
        return nameKana;
    }

    public void setNameKana(String nameKana) {
        this.nameKana = nameKana;
    }

    public RuleForm getRule() {
        return rule;
    }
}
