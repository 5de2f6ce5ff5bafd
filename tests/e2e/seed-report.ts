/** The seed report as readers reach it: shared by the browser tests. */
export const SEED_PATH = "/bai-viet/ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh";
export const SEED_TITLE = "UBND thành phố Vinh tổng kết công tác quốc phòng - an ninh";
