"""The shipped exercise standing-hip-flexor-stretch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "standing-hip-flexor-stretch",
    "name": "Standing hip flexor stretch",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Gently stretches the front of your hip while you stand, with no kneeling.",
    "target": "Front of the hip and upper thigh of the back leg (hip flexors)",
    "start_position": (
        "Stand beside a sturdy chair or a wall and rest one hand on it. Step back with the "
        "leg of the side you are stretching, so your feet are about a stride apart, and let the heel of that back foot lift."
    ),
    "cues": (
        "Stand tall, with your shoulders over your hips.\n"
        "Tuck your tailbone under and squeeze the buttock of the back leg.\n"
        "Bend your front knee a little and ease your hips forward.\n"
        "Stop when you feel a gentle stretch at the front of the back hip.\n"
        "Hold still and keep breathing, then swap legs."
    ),
    "mistakes": (
        "Arching your lower back: tuck your tailbone under again.\n"
        "Leaning your body forward: keep your shoulders over your hips.\n"
        "Going too far: ease forward only to mild tightness."
    ),
    "equipment": ["chair"],
    "sets": 2,
    "reps": None,
    "hold_seconds": 30,
    "rest_seconds": 15,
    "per_side": True,
    "transition_seconds": 10,
    "easier": None,
    "harder": "hip-flexor-stretch",
    "easier_tip": "Take a shorter step and ease forward less.",
    "harder_tip": "When this feels easy, try the half-kneeling hip flexor stretch.",
    "cautions": (
        "Hold on to the chair or wall if your balance is not steady.\n"
        "Stop if you feel pain rather than mild tightness.\n"
        "If you have had a hip replacement from the front (anterior approach), check with "
        "your surgeon or physio first: you must not push that hip too far backwards."
    ),
    "illustration_alt": (
        "A person stands in a long step with one hand on a chair, tucks the tailbone under "
        "and eases the hips forward to stretch the front of the back hip."
    ),
}
