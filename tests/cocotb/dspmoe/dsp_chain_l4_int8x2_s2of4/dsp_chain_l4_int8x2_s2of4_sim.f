DSP48E2.v
dsp_chain_l4_int8x2_s2of4.v
