import type { Family } from "./catalog";

// List prices per accelerator-hour (USD) of the demo's accelerators, derived from the catalogs in shared/data/prices
// by scripts/derive-list-prices.py (provenance and licences in shared/data/prices/SOURCES.md). Generated: do not edit.

export type ListPriceProvider = "gcp" | "aws" | "oci" | "nebius";
export type ListPrice = {
  provider: ListPriceProvider;
  family: Family;
  region: string;
  model: "on_demand" | "spot" | "reserved";
  termMonths: number | null;
  rate: string;
  step: number;
  note: string;
};

// provider | family | region | pricing model | term months | USD per accelerator-hour | step | source file and row
const ROWS = `
gcp|H100|africa-south1|on_demand||14.442802|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in africa-south1
gcp|H100|africa-south1|spot||1.577605|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in africa-south1
gcp|H100|africa-south1|reserved|12|10.020283|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in africa-south1, 1-year committed use
gcp|H100|africa-south1|reserved|36|6.342934|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in africa-south1, 3-year committed use
gcp|H100|asia-east1|on_demand||12.794848|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east1
gcp|H100|asia-east1|spot||5.999789|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east1
gcp|H100|asia-east1|reserved|12|8.876343|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east1, 1-year committed use
gcp|H100|asia-east1|reserved|36|5.619294|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east1, 3-year committed use
gcp|H100|asia-east2|on_demand||15.449011|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east2
gcp|H100|asia-east2|spot||1.679595|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east2
gcp|H100|asia-east2|reserved|12|10.733759|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east2, 1-year committed use
gcp|H100|asia-east2|reserved|36|6.795964|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-east2, 3-year committed use
gcp|H100|asia-northeast1|on_demand||15.830424|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast1
gcp|H100|asia-northeast1|spot||3.238754|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast1
gcp|H100|asia-northeast1|reserved|12|10.981674|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast1, 1-year committed use
gcp|H100|asia-northeast1|reserved|36|6.952213|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast1, 3-year committed use
gcp|H100|asia-northeast2|on_demand||14.206156|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast2
gcp|H100|asia-northeast2|spot||1.300754|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast2
gcp|H100|asia-northeast2|reserved|12|9.854432|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast2, 1-year committed use
gcp|H100|asia-northeast2|reserved|36|6.23929|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast2, 3-year committed use
gcp|H100|asia-northeast3|on_demand||14.206156|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast3
gcp|H100|asia-northeast3|spot||4.530007|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast3
gcp|H100|asia-northeast3|reserved|12|9.854432|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast3, 1-year committed use
gcp|H100|asia-northeast3|reserved|36|6.23929|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-northeast3, 3-year committed use
gcp|H100|asia-south1|on_demand||11.516848|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south1
gcp|H100|asia-south1|spot||4.705564|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south1
gcp|H100|asia-south1|reserved|12|7.988163|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south1, 1-year committed use
gcp|H100|asia-south1|reserved|36|5.058288|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south1, 3-year committed use
gcp|H100|asia-south2|on_demand||13.28558|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south2
gcp|H100|asia-south2|spot||3.890029|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south2
gcp|H100|asia-south2|reserved|12|9.215935|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south2, 1-year committed use
gcp|H100|asia-south2|reserved|36|5.83496|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-south2, 3-year committed use
gcp|H100|asia-southeast1|on_demand||14.284787|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast1
gcp|H100|asia-southeast1|spot||6.402333|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast1
gcp|H100|asia-southeast1|reserved|12|9.909968|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast1, 1-year committed use
gcp|H100|asia-southeast1|reserved|36|6.273512|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast1, 3-year committed use
gcp|H100|asia-southeast2|on_demand||14.862086|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast2
gcp|H100|asia-southeast2|spot||1.519845|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast2
gcp|H100|asia-southeast2|reserved|12|10.310284|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast2, 1-year committed use
gcp|H100|asia-southeast2|reserved|36|6.527228|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in asia-southeast2, 3-year committed use
gcp|H100|australia-southeast1|on_demand||13.834783|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast1
gcp|H100|australia-southeast1|spot||3.472569|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast1
gcp|H100|australia-southeast1|reserved|12|9.596377|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast1, 1-year committed use
gcp|H100|australia-southeast1|reserved|36|6.076258|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast1, 3-year committed use
gcp|H100|australia-southeast2|on_demand||14.383739|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast2
gcp|H100|australia-southeast2|spot||1.342876|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast2
gcp|H100|australia-southeast2|reserved|12|9.977436|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast2, 1-year committed use
gcp|H100|australia-southeast2|reserved|36|6.317311|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in australia-southeast2, 3-year committed use
gcp|H100|europe-central2|on_demand||14.244053|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-central2
gcp|H100|europe-central2|spot||1.474893|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-central2
gcp|H100|europe-central2|reserved|12|9.881263|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-central2, 1-year committed use
gcp|H100|europe-central2|reserved|36|6.255839|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-central2, 3-year committed use
gcp|H100|europe-north1|on_demand||12.17945|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-north1
gcp|H100|europe-north1|spot||1.275685|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-north1
gcp|H100|europe-north1|reserved|12|8.448638|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-north1, 1-year committed use
gcp|H100|europe-north1|reserved|36|5.349155|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-north1, 3-year committed use
gcp|H100|europe-southwest1|on_demand||13.052275|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-southwest1
gcp|H100|europe-southwest1|spot||1.195875|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-southwest1
gcp|H100|europe-southwest1|reserved|12|9.054092|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-southwest1, 1-year committed use
gcp|H100|europe-southwest1|reserved|36|5.732496|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-southwest1, 3-year committed use
gcp|H100|europe-west1|on_demand||12.171231|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west1
gcp|H100|europe-west1|spot||4.758275|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west1
gcp|H100|europe-west1|reserved|12|8.44346|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west1, 1-year committed use
gcp|H100|europe-west1|reserved|36|5.345457|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west1, 3-year committed use
gcp|H100|europe-west10|on_demand||17.006382|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west10
gcp|H100|europe-west10|spot||1.845877|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west10
gcp|H100|europe-west10|reserved|12|11.798754|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west10, 1-year committed use
gcp|H100|europe-west10|reserved|36|7.468818|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west10, 3-year committed use
gcp|H100|europe-west12|on_demand||14.261615|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west12
gcp|H100|europe-west12|spot||1.300683|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west12
gcp|H100|europe-west12|reserved|12|9.893457|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west12, 1-year committed use
gcp|H100|europe-west12|reserved|36|6.263553|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west12, 3-year committed use
gcp|H100|europe-west2|on_demand||12.614759|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west2
gcp|H100|europe-west2|spot||1.307303|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west2
gcp|H100|europe-west2|reserved|12|8.75028|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west2, 1-year committed use
gcp|H100|europe-west2|reserved|36|5.540393|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west2, 3-year committed use
gcp|H100|europe-west3|on_demand||13.053919|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west3
gcp|H100|europe-west3|spot||5.351861|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west3
gcp|H100|europe-west3|reserved|12|9.055127|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west3, 1-year committed use
gcp|H100|europe-west3|reserved|36|5.733236|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west3, 3-year committed use
gcp|H100|europe-west4|on_demand||14.06756|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west4
gcp|H100|europe-west4|spot||5.514847|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west4
gcp|H100|europe-west4|reserved|12|9.758898|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west4, 1-year committed use
gcp|H100|europe-west4|reserved|36|6.177774|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west4, 3-year committed use
gcp|H100|europe-west6|on_demand||15.465449|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west6
gcp|H100|europe-west6|spot||1.420318|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west6
gcp|H100|europe-west6|reserved|12|10.728581|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west6, 1-year committed use
gcp|H100|europe-west6|reserved|36|6.792265|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west6, 3-year committed use
gcp|H100|europe-west8|on_demand||12.831051|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west8
gcp|H100|europe-west8|spot||2.105407|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west8
gcp|H100|europe-west8|reserved|12|8.900633|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west8, 1-year committed use
gcp|H100|europe-west8|reserved|36|5.635335|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west8, 3-year committed use
gcp|H100|europe-west9|on_demand||12.831051|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west9
gcp|H100|europe-west9|spot||2.928978|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west9
gcp|H100|europe-west9|reserved|12|8.900633|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west9, 1-year committed use
gcp|H100|europe-west9|reserved|36|5.635335|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in europe-west9, 3-year committed use
gcp|H100|me-central1|on_demand||13.43942|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central1
gcp|H100|me-central1|spot||1.226421|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central1
gcp|H100|me-central1|reserved|12|9.322645|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central1, 1-year committed use
gcp|H100|me-central1|reserved|36|5.902528|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central1, 3-year committed use
gcp|H100|me-central2|on_demand||17.697999|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central2
gcp|H100|me-central2|spot||1.796414|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central2
gcp|H100|me-central2|reserved|12|12.276731|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central2, 1-year committed use
gcp|H100|me-central2|reserved|36|7.772877|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-central2, 3-year committed use
gcp|H100|me-west1|on_demand||12.167379|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-west1
gcp|H100|me-west1|spot||1.333352|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-west1
gcp|H100|me-west1|reserved|12|8.440255|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-west1, 1-year committed use
gcp|H100|me-west1|reserved|36|5.343852|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in me-west1, 3-year committed use
gcp|H100|northamerica-northeast1|on_demand||12.17945|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast1
gcp|H100|northamerica-northeast1|spot||1.13323|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast1
gcp|H100|northamerica-northeast1|reserved|12|8.448638|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast1, 1-year committed use
gcp|H100|northamerica-northeast1|reserved|36|5.349155|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast1, 3-year committed use
gcp|H100|northamerica-northeast2|on_demand||12.17945|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast2
gcp|H100|northamerica-northeast2|spot||2.564998|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast2
gcp|H100|northamerica-northeast2|reserved|12|8.448638|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast2, 1-year committed use
gcp|H100|northamerica-northeast2|reserved|36|5.349155|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in northamerica-northeast2, 3-year committed use
gcp|H100|southamerica-east1|on_demand||17.556932|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-east1
gcp|H100|southamerica-east1|spot||1.618961|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-east1
gcp|H100|southamerica-east1|reserved|12|12.179342|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-east1, 1-year committed use
gcp|H100|southamerica-east1|reserved|36|7.710843|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-east1, 3-year committed use
gcp|H100|southamerica-west1|on_demand||15.81759|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-west1
gcp|H100|southamerica-west1|spot||1.445975|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-west1
gcp|H100|southamerica-west1|reserved|12|10.972331|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-west1, 1-year committed use
gcp|H100|southamerica-west1|reserved|36|6.947008|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in southamerica-west1, 3-year committed use
gcp|H100|us-central1|on_demand||11.06125|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-central1
gcp|H100|us-central1|spot||6.326193|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-central1
gcp|H100|us-central1|reserved|12|7.672959|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-central1, 1-year committed use
gcp|H100|us-central1|reserved|36|4.858048|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-central1, 3-year committed use
gcp|H100|us-east1|on_demand||11.06125|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east1
gcp|H100|us-east1|spot||6.326193|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east1
gcp|H100|us-east1|reserved|12|7.672959|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east1, 1-year committed use
gcp|H100|us-east1|reserved|36|4.858048|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east1, 3-year committed use
gcp|H100|us-east4|on_demand||11.06947|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east4
gcp|H100|us-east4|spot||4.540105|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east4
gcp|H100|us-east4|reserved|12|7.678138|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east4, 1-year committed use
gcp|H100|us-east4|reserved|36|4.861747|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east4, 3-year committed use
gcp|H100|us-east5|on_demand||12.4479|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east5
gcp|H100|us-east5|spot||4.659763|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east5
gcp|H100|us-east5|reserved|12|8.635514|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east5, 1-year committed use
gcp|H100|us-east5|reserved|36|5.466948|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-east5, 3-year committed use
gcp|H100|us-south1|on_demand||13.052275|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-south1
gcp|H100|us-south1|spot||3.296763|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-south1
gcp|H100|us-south1|reserved|12|9.054092|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-south1, 1-year committed use
gcp|H100|us-south1|reserved|36|5.732496|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-south1, 3-year committed use
gcp|H100|us-west1|on_demand||11.06125|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west1
gcp|H100|us-west1|spot||6.326193|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west1
gcp|H100|us-west1|reserved|12|7.672959|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west1, 1-year committed use
gcp|H100|us-west1|reserved|36|4.858048|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west1, 3-year committed use
gcp|H100|us-west2|on_demand||13.296553|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west2
gcp|H100|us-west2|spot||1.3825|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west2
gcp|H100|us-west2|reserved|12|9.223556|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west2, 1-year committed use
gcp|H100|us-west2|reserved|36|5.839782|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west2, 3-year committed use
gcp|H100|us-west3|on_demand||13.296553|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west3
gcp|H100|us-west3|spot||1.45037|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west3
gcp|H100|us-west3|reserved|12|9.223556|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west3, 1-year committed use
gcp|H100|us-west3|reserved|36|5.839782|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west3, 3-year committed use
gcp|H100|us-west4|on_demand||12.456119|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west4
gcp|H100|us-west4|spot||4.659455|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west4
gcp|H100|us-west4|reserved|12|8.640692|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west4, 1-year committed use
gcp|H100|us-west4|reserved|36|5.470647|8|gcp/gcp_gpu_instances_derived.csv: a3-highgpu-8g in us-west4, 3-year committed use
gcp|H100|asia-northeast1|on_demand||14.909546|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-northeast1
gcp|H100|asia-northeast1|spot||3.714754|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-northeast1
gcp|H100|asia-northeast1|reserved|12|10.258679|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-northeast1, 1-year committed use
gcp|H100|asia-northeast1|reserved|36|6.494955|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-northeast1, 3-year committed use
gcp|H100|asia-southeast1|on_demand||14.996831|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-southeast1
gcp|H100|asia-southeast1|spot||6.708933|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-southeast1
gcp|H100|asia-southeast1|reserved|12|10.319188|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-southeast1, 1-year committed use
gcp|H100|asia-southeast1|reserved|36|6.532323|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in asia-southeast1, 3-year committed use
gcp|H100|australia-southeast1|on_demand||14.519433|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in australia-southeast1
gcp|H100|australia-southeast1|spot||4.570269|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in australia-southeast1
gcp|H100|australia-southeast1|reserved|12|9.989858|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in australia-southeast1, 1-year committed use
gcp|H100|australia-southeast1|reserved|36|6.325115|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in australia-southeast1, 3-year committed use
gcp|H100|europe-west1|on_demand||12.774331|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west1
gcp|H100|europe-west1|spot||5.013075|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west1
gcp|H100|europe-west1|reserved|12|8.79007|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west1, 1-year committed use
gcp|H100|europe-west1|reserved|36|5.56467|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west1, 3-year committed use
gcp|H100|europe-west3|on_demand||13.700239|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west3
gcp|H100|europe-west3|spot||6.618661|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west3
gcp|H100|europe-west3|reserved|12|9.426573|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west3, 1-year committed use
gcp|H100|europe-west3|reserved|36|5.968157|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west3, 3-year committed use
gcp|H100|europe-west4|on_demand||14.779604|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west4
gcp|H100|europe-west4|spot||5.780447|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west4
gcp|H100|europe-west4|reserved|12|10.168118|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west4, 1-year committed use
gcp|H100|europe-west4|reserved|36|6.436585|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in europe-west4, 3-year committed use
gcp|H100|us-east4|on_demand||11.617199|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east4
gcp|H100|us-east4|spot||2.909405|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east4
gcp|H100|us-east4|reserved|12|7.992922|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east4, 1-year committed use
gcp|H100|us-east4|reserved|36|5.060832|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east4, 3-year committed use
gcp|H100|us-east5|on_demand||11.75833|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east5
gcp|H100|us-east5|spot||4.400363|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east5
gcp|H100|us-east5|reserved|12|8.091609|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east5, 1-year committed use
gcp|H100|us-east5|reserved|36|5.122956|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-east5, 3-year committed use
gcp|H100|us-west4|on_demand||13.073029|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-west4
gcp|H100|us-west4|spot||2.857355|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-west4
gcp|H100|us-west4|reserved|12|8.995234|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-west4, 1-year committed use
gcp|H100|us-west4|reserved|36|5.694877|8|gcp/gcp_gpu_instances_derived.csv: a3-megagpu-8g in us-west4, 3-year committed use
gcp|TPU v5p|us-east5|on_demand||4.2|4|gpuhunt/tpu_pricing.json: TPU v5p in us-east5 (Columbus)
gcp|TPU v5p|us-east5|spot||2.415|4|gpuhunt/tpu_pricing.json: TPU v5p in us-east5 (Columbus)
gcp|TPU v5p|us-east1|on_demand||4.2|4|gpuhunt/tpu_pricing.json: TPU v5p in us-east1 (South Carolina)
gcp|TPU v5p|us-east1|spot||2.1|4|gpuhunt/tpu_pricing.json: TPU v5p in us-east1 (South Carolina)
gcp|TPU v6e|us-east1|on_demand||2.7|4|gpuhunt/tpu_pricing.json: TPU v6e in us-east1 (South Carolina)
gcp|TPU v6e|us-east1|spot||1.89|4|gpuhunt/tpu_pricing.json: TPU v6e in us-east1 (South Carolina)
gcp|TPU v6e|us-east5|on_demand||2.7|4|gpuhunt/tpu_pricing.json: TPU v6e in us-east5 (Ohio)
gcp|TPU v6e|us-east5|spot||1.89|4|gpuhunt/tpu_pricing.json: TPU v6e in us-east5 (Ohio)
gcp|TPU v6e|europe-west4|on_demand||2.97|4|gpuhunt/tpu_pricing.json: TPU v6e in europe-west4 (Netherlands)
gcp|TPU v6e|europe-west4|spot||2.08|4|gpuhunt/tpu_pricing.json: TPU v6e in europe-west4 (Netherlands)
gcp|TPU v6e|asia-northeast1|on_demand||3.24|4|gpuhunt/tpu_pricing.json: TPU v6e in asia-northeast1 (Tokio)
gcp|TPU v6e|asia-northeast1|spot||2.27|4|gpuhunt/tpu_pricing.json: TPU v6e in asia-northeast1 (Tokio)
aws|H100|ap-northeast-1|on_demand||8.6|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-northeast-1
aws|H100|ap-northeast-1|spot||2.893113|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-northeast-1, lowest spot of 2 zones
aws|H100|ap-northeast-2|on_demand||9.4944|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-northeast-2
aws|H100|ap-south-1|on_demand||8.256|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-south-1
aws|H100|ap-south-1|spot||2.361663|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-south-1, lowest spot of 3 zones
aws|H100|ap-southeast-2|on_demand||8.944|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-southeast-2
aws|H100|ap-southeast-2|spot||3.321413|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-southeast-2, lowest spot of 3 zones
aws|H100|ap-southeast-3|on_demand||9.4944|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-southeast-3
aws|H100|ap-southeast-3|spot||9.4944|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ap-southeast-3, lowest spot of 1 zone
aws|H100|ca-central-1|on_demand||7.912|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ca-central-1
aws|H100|ca-central-1|spot||7.912|8|skypilot/v8/aws/vms.csv: p5.48xlarge in ca-central-1, lowest spot of 1 zone
aws|H100|eu-north-1|on_demand||7.3616|8|skypilot/v8/aws/vms.csv: p5.48xlarge in eu-north-1
aws|H100|eu-north-1|spot||3.53985|8|skypilot/v8/aws/vms.csv: p5.48xlarge in eu-north-1, lowest spot of 1 zone
aws|H100|eu-west-2|on_demand||8.944|8|skypilot/v8/aws/vms.csv: p5.48xlarge in eu-west-2
aws|H100|eu-west-2|spot||1.940738|8|skypilot/v8/aws/vms.csv: p5.48xlarge in eu-west-2, lowest spot of 3 zones
aws|H100|us-east-1|on_demand||6.88|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-east-1
aws|H100|us-east-1|spot||1.279963|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-east-1, lowest spot of 7 zones
aws|H100|us-east-2|on_demand||6.88|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-east-2
aws|H100|us-east-2|spot||1.406788|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-east-2, lowest spot of 3 zones
aws|H100|us-west-1|on_demand||8.6|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-west-1
aws|H100|us-west-1|spot||2.479075|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-west-1, lowest spot of 1 zone
aws|H100|us-west-2|on_demand||6.88|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-west-2
aws|H100|us-west-2|spot||1.586688|8|skypilot/v8/aws/vms.csv: p5.48xlarge in us-west-2, lowest spot of 4 zones
oci|B200|af-casablanca-1|on_demand||14|8|skypilot/v8/oci/vms.csv: BM.GPU.B200.8 in af-casablanca-1
oci|GB200|af-casablanca-1|on_demand||16|4|skypilot/v8/oci/vms.csv: BM.GPU.GB200.4 in af-casablanca-1
oci|H100|af-casablanca-1|on_demand||10|8|skypilot/v8/oci/vms.csv: BM.GPU.H100.8 in af-casablanca-1
oci|H200|af-casablanca-1|on_demand||10|8|skypilot/v8/oci/vms.csv: BM.GPU.H200.8 in af-casablanca-1
oci|MI300X|af-casablanca-1|on_demand||6|8|skypilot/v8/oci/vms.csv: BM.GPU.MI300X.8 in af-casablanca-1
oci|B200|af-johannesburg-1|on_demand||14|8|skypilot/v8/oci/vms.csv: BM.GPU.B200.8 in af-johannesburg-1
oci|GB200|af-johannesburg-1|on_demand||16|4|skypilot/v8/oci/vms.csv: BM.GPU.GB200.4 in af-johannesburg-1
oci|H100|af-johannesburg-1|on_demand||10|8|skypilot/v8/oci/vms.csv: BM.GPU.H100.8 in af-johannesburg-1
oci|H200|af-johannesburg-1|on_demand||10|8|skypilot/v8/oci/vms.csv: BM.GPU.H200.8 in af-johannesburg-1
oci|MI300X|af-johannesburg-1|on_demand||6|8|skypilot/v8/oci/vms.csv: BM.GPU.MI300X.8 in af-johannesburg-1
nebius|H100|eu-north1|on_demand||2.95|8|skypilot/v8/nebius/vms.csv: gpu-h100-sxm_8gpu-128vcpu-1600gb in eu-north1
nebius|H100|eu-north1|spot||1.25|8|skypilot/v8/nebius/vms.csv: gpu-h100-sxm_8gpu-128vcpu-1600gb in eu-north1
nebius|H200|eu-north1|on_demand||3.5|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in eu-north1
nebius|H200|eu-north1|spot||1.45|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in eu-north1
nebius|H200|eu-west1|on_demand||3.5|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in eu-west1
nebius|H200|eu-west1|spot||1.45|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in eu-west1
nebius|B200|us-central1|on_demand||5.5|8|skypilot/v8/nebius/vms.csv: gpu-b200-sxm_8gpu-160vcpu-1792gb in us-central1
nebius|H200|us-central1|on_demand||3.5|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in us-central1
nebius|H200|us-central1|spot||1.45|8|skypilot/v8/nebius/vms.csv: gpu-h200-sxm_8gpu-128vcpu-1600gb in us-central1
`;

export const LIST_PRICES: readonly ListPrice[] = ROWS.trim()
  .split("\n")
  .map((line) => {
    const [provider, family, region, model, term, rate, step, note] = line.split("|") as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      provider: provider as ListPriceProvider,
      family: family as Family,
      region,
      model: model as ListPrice["model"],
      termMonths: term ? Number(term) : null,
      rate,
      step: Number(step),
      note,
    };
  });
