"""The shipped exercise bird-dog-arm-reach, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "bird-dog-arm-reach",
    "name": "Arm reach on hands and knees",
    "kind": "control",
    "level": "beginner",
    "summary": "Trains your trunk to stay steady while one arm reaches forward.",
    "target": "Muscles around your trunk and shoulders (trunk stabilisers)",
    "start_position": (
        "Kneel on all fours on a mat, with your hands under your shoulders and your knees "
        "under your hips. Keep your back level, neither arched nor rounded."
    ),
    "cues": (
        "Gently tighten your stomach muscles.\n"
        "Reach one arm forward until it is level with your shoulder.\n"
        "Keep your back and hips still.\n"
        "Hold still for the time shown, and keep breathing.\n"
        "Lower the arm slowly; do all the reaches with this arm, then swap."
    ),
    "mistakes": (
        "Body swaying to one side: reach less far, and tighten your stomach again.\n"
        "Shrugging: keep your neck long and your shoulders relaxed."
    ),
    "equipment": ["mat"],
    "sets": 1,
    "reps": 6,
    "hold_seconds": 5,
    "rest_seconds": 30,
    "per_side": True,
    "transition_seconds": 10,
    "easier": None,
    "harder": "bird-dog",
    "easier_tip": "Just lift your hand off the floor for a moment, without reaching forward.",
    "harder_tip": (
        "Next, slide one leg back instead of the arm. When both feel steady, try the bird dog."
    ),
    "cautions": (
        "If your wrists hurt, rest on your fists instead of flat hands.\n"
        "Kneel on a mat or a folded towel to protect your knees."
    ),
    "illustration_alt": (
        "A person on hands and knees reaches one arm forward to shoulder height, back level."
    ),
}
