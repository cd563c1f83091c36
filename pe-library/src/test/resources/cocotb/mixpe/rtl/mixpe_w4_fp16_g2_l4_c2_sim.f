LUT6_2.v
CARRY4.v
mixpe_w4_fp16_g2_l4_c2.v
