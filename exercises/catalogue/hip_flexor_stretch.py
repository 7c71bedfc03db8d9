"""The shipped exercise hip-flexor-stretch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "hip-flexor-stretch",
    "name": "Half-kneeling hip flexor stretch",
    "kind": "stretch",
    "level": "intermediate",
    "summary": (
        "Gently stretches the front of your hip on the side of the knee that rests on the floor."
    ),
    "target": (
        "Front of the hip and upper thigh on the kneeling side "
        "(hip flexors: iliopsoas, rectus femoris)"
    ),
    "start_position": (
        "Kneel on the knee of the side you are stretching, with a cushion or folded "
        "towel under it, and put the other foot flat on the floor in "
        "front of you. Both knees are bent to about a right "
        "angle. Keep a sturdy chair beside you to hold if you need it."
    ),
    "cues": (
        "Kneel up tall, so your ear, shoulder, hip and knee make one straight line.\n"
        "Tuck your tailbone under and squeeze the buttock of the kneeling leg.\n"
        "Slowly ease your weight forward until you feel a stretch at the front of the "
        "back hip.\n"
        "Hold still and keep breathing slowly.\n"
        "Come back up, then take your time to change knees and swap sides."
    ),
    "mistakes": (
        "Moving too far forward: go only until you feel mild tightness.\n"
        "Arching your lower back: tuck your tailbone under again.\n"
        "Letting your hips sink or slump: squeeze the buttock of the kneeling leg and "
        "kneel up tall."
    ),
    "equipment": ["mat", "cushion", "chair"],
    "sets": 2,
    "reps": None,
    "hold_seconds": 30,
    "rest_seconds": 30,
    "per_side": True,
    "transition_seconds": 15,
    "easier": "standing-hip-flexor-stretch",
    "harder": None,
    "easier_tip": (
        "Rest one hand on the chair for balance. If kneeling is hard on your knees, do "
        "the standing hip flexor stretch instead."
    ),
    "harder_tip": (
        "There is no harder exercise for this one in the library. To make it harder, reach "
        "the arm on the kneeling side up overhead as you ease forward."
    ),
    "cautions": (
        "Always kneel on a cushion; if the kneeling knee still hurts, use the standing "
        "version.\n"
        "Stop if you feel pain rather than mild tightness.\n"
        "If you have had a hip replacement from the front (anterior approach), check with "
        "your surgeon or physio first: you must not push that hip too far backwards."
    ),
    "illustration_alt": (
        "A person kneels on one knee with the other foot in front and eases the hips "
        "forward to stretch the front of the back hip."
    ),
}
