package jp.oqs.api.insurer;

/** The organisation whose staff onboard and manage an insurer. */
public enum ManagingOrganisation {
    /** 社会保険診療報酬支払基金: employee insurance. */
    SSK,
    /** 国民健康保険中央会: 国保, 国保組合, 後期高齢者医療. */
    KOKUHO_CHUOKAI
}
