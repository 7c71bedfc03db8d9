"""The shipped exercise split-squat, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "split-squat",
    "name": "Split squat with support",
    "kind": "strength",
    "level": "beginner",
    "summary": "Builds strength in your legs and buttocks while you hold on to a support.",
    "target": "Front of the thighs and buttocks (quadriceps, glutes)",
    "start_position": (
        "Stand beside a sturdy chair or a kitchen counter and hold it with one hand. Step "
        "forward with the leg of the side you are working (left foot, left side), so your "
        "feet are a long stride apart, and let the heel of your back foot lift."
    ),
    "cues": (
        "Stand tall, with your shoulders over your hips.\n"
        "Bend both knees and lower your back knee toward the floor.\n"
        "Keep your front knee in line over your foot.\n"
        "Go only as low as is comfortable, then push through your front foot to rise.\n"
        "Do all the squats for that side, then swap legs."
    ),
    "mistakes": (
        "Front knee falling inward: keep it over your foot and go less deep.\n"
        "Leaning forward: keep your body upright, as if sliding down a wall.\n"
        "Feet too close together: take a longer stride so both knees can bend."
    ),
    "equipment": ["chair"],
    "sets": 2,
    "reps": 6,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "transition_seconds": 10,
    "easier": None,
    "harder": "lunge-with-twist",
    "easier_tip": "Go less deep, and hold on with both hands.",
    "harder_tip": "When this feels easy, try the lunge with a twist.",
    "cautions": (
        "Stop if you feel sharp knee pain.\nStop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person stands in a long stride holding a chair and bends both knees, lowering "
        "the back knee toward the floor with the body upright."
    ),
}
