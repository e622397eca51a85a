package jp.oqs.web.insurer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.oqs.api.insurer.Contact;
import jp.oqs.api.insurer.InsurerView;
import jp.oqs.api.insurer.NumberingRuleView;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.NumberingRule;

/** Maps registry entities to the contract's records; entities never cross the wire. */
public final class InsurerViews {

    private InsurerViews() {
    }

    public static InsurerView of(Insurer insurer, LocalDate today) {
        var contact = insurer.contact() == null ? null : new Contact(insurer.contact().department(),
                insurer.contact().personName(), insurer.contact().phone(), insurer.contact().email());
        List<NumberingRuleView> rules = rules(insurer, today);
        NumberingRuleView current = rules.stream().filter(NumberingRuleView::inForce).findFirst().orElse(null);
        return new InsurerView(insurer.insurerNumber(), insurer.nameKanji(), insurer.nameKana(),
                insurer.prefectureCode(), insurer.category(), insurer.managingOrganisation(), insurer.status(),
                insurer.statusDate(), insurer.successorInsurerNumber().orElse(null), contact, current,
                insurer.registeredAt());
    }

    /** The rule history, oldest first, each with the day before its successor starts as its last day. */
    public static List<NumberingRuleView> rules(Insurer insurer, LocalDate today) {
        List<NumberingRule> history = insurer.numberingRules();
        NumberingRule inForce = insurer.numberingRuleOn(today).orElse(null);
        List<NumberingRuleView> views = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            NumberingRule rule = history.get(i);
            LocalDate effectiveTo = i + 1 < history.size() ? history.get(i + 1).effectiveFrom().minusDays(1) : null;
            views.add(rule(rule, effectiveTo, rule == inForce));
        }
        return views;
    }

    public static NumberingRuleView rule(NumberingRule rule, LocalDate effectiveTo, boolean inForce) {
        return new NumberingRuleView(rule.kind(), rule.effectiveFrom(), effectiveTo, inForce, rule.length(),
                rule.characterClass(), rule.checkDigitScheme(), rule.registeredAt(), rule.registeredBy());
    }
}
