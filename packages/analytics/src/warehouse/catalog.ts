/** The name the warehouse file is attached under, beside the operational database. */
export const WH = 'wh';
