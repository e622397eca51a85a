package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerException;
import jp.oqs.insurer.InsurerService;
import jp.oqs.insurer.NumberingRule;
import jp.oqs.platform.BusinessException;

/**
 * One insurer: its data, lifecycle actions (activate, suspend, merge into another, dissolve; dated ones need the
 * confirmation box ticked), its numbering-rule history as a timeline, and "change rule from date". Every action
 * goes through the registry session bean, which checks the caller's scope again (a tampered number is refused
 * and audited there).
 */
@Named
@ViewScoped
public class InsurerDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient InsurerService insurers;

    @Inject
    private ConsoleUser user;

    @Inject
    private transient jakarta.validation.Validator validator;

    private String number;
    private transient Insurer insurer;
    private boolean refused;
    private String successorNumber;
    private LocalDate effectiveDate;
    private boolean confirmed;
    private RuleForm rule = new RuleForm();

    /** The view action: loads the insurer named in the URL, if the caller's scope holds it. */
    public void load() {
        insurer = null;
        try {
            insurer = insurers.find(user.scope(), number);
            refused = false;
        } catch (InvalidIdentifierException | InsurerException e) {
            refused = true;
            Texts.error(e);
        }
    }

    public Insurer getInsurer() {
        if (insurer == null && !refused && number != null) {
            load();
        }
        return insurer;
    }

    /** The rules, newest first: the timeline. */
    public List<NumberingRule> getTimeline() {
        List<NumberingRule> rules = new ArrayList<>(getInsurer().numberingRules());
        Collections.reverse(rules);
        return rules;
    }

    /** The rule in force today, if any. */
    public NumberingRule getRuleToday() {
        return getInsurer().numberingRuleOn(LocalDate.now(jp.oqs.platform.ServiceClock.JAPAN)).orElse(null);
    }

    public void activate() {
        act(() -> insurers.activate(user.scope(), number), "insurer.activated");
    }

    public void suspend() {
        act(() -> insurers.suspend(user.scope(), number), "insurer.suspended");
    }

    public void merge() {
        if (confirmedWithDate()) {
            act(() -> insurers.merge(user.scope(), number, successorNumber, effectiveDate), "insurer.merged");
        }
    }

    public void dissolve() {
        if (confirmedWithDate()) {
            act(() -> insurers.dissolve(user.scope(), number, effectiveDate), "insurer.dissolved");
        }
    }

    public void addRule() {
        var request = rule.toRequest();
        if (Texts.valid(validator, request)) {
            if (act(() -> insurers.addNumberingRule(user.scope(), number, request), "rule.added")) {
                rule = new RuleForm();
            }
        }
    }

    private boolean confirmedWithDate() {
        if (effectiveDate == null || !confirmed) {
            Texts.errorText(effectiveDate == null ? "lifecycle.dateRequired" : "lifecycle.confirmRequired");
            return false;
        }
        return true;
    }

    private boolean act(Action action, String doneKey) {
        try {
            action.run();
            Texts.info(doneKey, number);
            confirmed = false;
            insurer = insurers.find(user.scope(), number);
            return true;
        } catch (BusinessException e) {
            Texts.error(e);
            return false;
        }
    }

    @FunctionalInterface
    private interface Action {
        Object run() throws BusinessException;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public boolean isRefused() {
        return refused;
    }

    public String getSuccessorNumber() {
        return successorNumber;
    }

    public void setSuccessorNumber(String successorNumber) {
        this.successorNumber = successorNumber;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public RuleForm getRule() {
        return rule;
    }
}
