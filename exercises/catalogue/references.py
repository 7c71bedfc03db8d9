"""The sources shown under each shipped exercise, by slug: 2 to 4 lines "Label — https://…"
of the kinds shared/docs/clinical.md §6 allows, each backing the exercise itself or its
advice (dose, when to stop). Labels name the publisher, then the page or article.

Every address was looked up with the search tool before it shipped (stored copies of
the pages, or the exact address cited by public sources); exercises/sources.py checks
the kinds, and tests/exercises/test_sources.py checks every line here.
"""

NHS_INFORM_BACK = (
    "NHS inform: Exercises for back pain — https://www.nhsinform.scot/illnesses-and-conditions/"
    "muscle-bone-and-joints/neck-and-back-problems-and-conditions/exercises-for-back-pain/"
)
NHS_INFORM_HIPS = (
    "NHS inform: Exercises for hip problems — https://www.nhsinform.scot/illnesses-and-conditions/"
    "muscle-bone-and-joints/leg-foot-and-hip-problems-and-conditions/exercises-for-hip-problems"
)
NHS_BACK = (
    "NHS: Exercises for back pain — https://www.nhs.uk/live-well/exercise/exercises-for-back-pain/"
)
NHS_SITTING = "NHS: Sitting exercises — https://www.nhs.uk/live-well/exercise/sitting-exercises/"
NHS_STRENGTH = "NHS: Strength exercises — https://www.nhs.uk/live-well/exercise/strength-exercises/"
NHS_FLEXIBILITY = (
    "NHS: Flexibility exercises — https://www.nhs.uk/live-well/exercise/flexibility-exercises/"
)
NHS_WALKING = "NHS: Walking for health — https://www.nhs.uk/live-well/exercise/walking-for-health/"
NHS_CAUDA_EQUINA = (
    "NHS: Cauda equina syndrome — https://www.nhs.uk/conditions/cauda-equina-syndrome/"
)
GSTT_BACK = (
    "Guy's and St Thomas' NHS Foundation Trust: Low back pain, physiotherapy and exercises — "
    "https://www.guysandstthomas.nhs.uk/health-information/low-back-pain/physiotherapy-and-exercises"
)
CUH_BACK = (
    "Cambridge University Hospitals NHS Foundation Trust: Back mobility exercises — "
    "https://www.cuh.nhs.uk/patient-information/back-mobility-exercises/"
)
CSP_BACK = (
    "Chartered Society of Physiotherapy: Exercise advice for back pain — "
    "https://www.csp.org.uk/public-patient/rehabilitation-exercises/back-pain"
)
VERSUS_ARTHRITIS_HIPS = (
    "Versus Arthritis: Exercises for the hips — https://www.versusarthritis.org/about-arthritis/"
    "exercising-with-arthritis/exercises-for-healthy-joints/exercises-for-the-hips/"
)
NICE_NG59 = (
    "NICE: Low back pain and sciatica in over 16s (guideline NG59) — "
    "https://www.nice.org.uk/guidance/ng59"
)
ACSM_DOSES = (
    "American College of Sports Medicine: Quantity and quality of exercise for developing and "
    "maintaining fitness (position stand, Garber et al. 2011) — "
    "https://doi.org/10.1249/MSS.0b013e318213fefb"
)
HIP_REVIEW = (
    "Ceballos-Laita et al. 2023: The effectiveness of hip interventions in patients with "
    "low-back pain (review of 8 trials) — https://doi.org/10.1016/j.bjpt.2023.100502"
)
# Used by the Learn reads (learn/content).
SARACENI_LIFTING = (
    "Saraceni et al. 2020: To flex or not to flex? Lumbar spine flexion during lifting and "
    "low back pain (review) — https://doi.org/10.2519/jospt.2020.9218"
)
OSULLIVAN_FACTS = (
    "O'Sullivan et al. 2020: Back to basics, 10 facts every person should know about back "
    "pain — https://doi.org/10.1136/bjsports-2019-101611"
)
PAIN_MONITORING = (
    "Silbernagel et al. 2007: Continued activity using a pain-monitoring model during "
    "rehabilitation (trial) — https://doi.org/10.1177/0363546506298279"
)
ROACH_HIPS = (
    "Roach et al. 2015: Passive hip range of motion is reduced in active people with chronic "
    "low back pain — https://pmc.ncbi.nlm.nih.gov/articles/PMC4325283"
)
PRATHER_HIPS = (
    "Prather et al. 2017: Hip and lumbar spine examination findings in people with low back "
    "pain — https://pmc.ncbi.nlm.nih.gov/articles/PMC8898168"
)

SOURCES: dict[str, str] = {
    # Kneeling lunge stretch (CSP); stretch holds and repeats (ACSM); stretching as part
    # of exercise for back pain (NICE).
    "hip-flexor-stretch": "\n".join([CSP_BACK, ACSM_DOSES, NICE_NG59]),
    "standing-hip-flexor-stretch": "\n".join([CSP_BACK, ACSM_DOSES, NICE_NG59]),
    # Bridging, step by step (Versus Arthritis, CUH); sets and reps (ACSM).
    "glute-bridge": "\n".join([VERSUS_ARTHRITIS_HIPS, CUH_BACK, ACSM_DOSES]),
    # Pelvic tilt then a small lift (CUH, CSP); bridging (Versus Arthritis).
    "partial-bridge": "\n".join([CUH_BACK, CSP_BACK, VERSUS_ARTHRITIS_HIPS]),
    # Hip strengthening: the exercises, the evidence, the dose.
    "clamshell": "\n".join([NHS_INFORM_HIPS, VERSUS_ARTHRITIS_HIPS, HIP_REVIEW, ACSM_DOSES]),
    "band-clamshell": "\n".join([NHS_INFORM_HIPS, VERSUS_ARTHRITIS_HIPS, HIP_REVIEW, ACSM_DOSES]),
    # Turning the upper body with the hips still (NHS sitting twist); strength dose;
    # hip strengthening evidence.
    "lunge-with-twist": "\n".join([NHS_SITTING, ACSM_DOSES, HIP_REVIEW]),
    "split-squat": "\n".join([NHS_STRENGTH, ACSM_DOSES, HIP_REVIEW]),
    "deep-squat": "\n".join([NHS_STRENGTH, ACSM_DOSES, VERSUS_ARTHRITIS_HIPS]),
    # Sit to stand from a chair (NHS strength exercises); chair set-up (NHS sitting).
    "chair-sit-to-stand": "\n".join([NHS_STRENGTH, NHS_SITTING, ACSM_DOSES]),
    # Stretch dose; stop if symptoms spread or get worse (NHS inform); NICE.
    "hamstring-stretch": "\n".join([ACSM_DOSES, NHS_INFORM_BACK, NICE_NG59]),
    # Sitting, soles together, knees eased down (Versus Arthritis' external rotation).
    "butterfly-stretch": "\n".join([VERSUS_ARTHRITIS_HIPS, ACSM_DOSES]),
    "figure-four-stretch": "\n".join([VERSUS_ARTHRITIS_HIPS, HIP_REVIEW, ACSM_DOSES]),
    "ninety-ninety-switch": "\n".join([VERSUS_ARTHRITIS_HIPS, HIP_REVIEW, ACSM_DOSES]),
    # Knee rolls (NHS inform, GSTT, CSP).
    "lying-windscreen-wipers": "\n".join([NHS_INFORM_BACK, GSTT_BACK, CSP_BACK]),
    # Strength and control work as part of exercise for back pain; its dose.
    "bird-dog": "\n".join([NICE_NG59, ACSM_DOSES]),
    "bird-dog-arm-reach": "\n".join([NICE_NG59, ACSM_DOSES]),
    # Tightening the stomach muscles lying on your back, back still (CUH).
    "dead-bug": "\n".join([CUH_BACK, NICE_NG59, ACSM_DOSES]),
    "heel-taps": "\n".join([CUH_BACK, NICE_NG59, ACSM_DOSES]),
    # Gentle back movement, 5 reps 3 times a day, stop if worse (NHS inform).
    "cat-camel": "\n".join([NHS_INFORM_BACK, NHS_BACK, NICE_NG59]),
    # Bottom to heels stretch (NHS).
    "childs-pose": "\n".join([NHS_BACK, ACSM_DOSES]),
    # Lying face down, pressing up on the hands (CUH); back extensions (NHS); back
    # bends (NHS inform).
    "prone-press-up": "\n".join([CUH_BACK, NHS_BACK, NHS_INFORM_BACK]),
    # Walking (NHS); walking alongside back exercises (NHS inform); staying active (NICE).
    "walking-break": "\n".join([NHS_WALKING, NHS_INFORM_BACK, NICE_NG59]),
}
