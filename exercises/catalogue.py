"""The shipped catalogue of 13 exercises, as code: loaded by the data migration, by
`seed_demo` and by the tests' `catalogue` fixture (all through `load`).

Written in HipMob's own words from shared/docs/clinical.md; doses are beginner starting points
for a clinician to adjust.
"""

EQUIPMENT = [  # (slug, name)
    ("mat", "Exercise mat"),
    ("cushion", "Cushion or pillow"),
    ("chair", "Sturdy chair or counter"),
    ("towel", "Towel or strap"),
    ("band", "Resistance band"),
]

EXERCISES = [
    {
        "slug": "hip-flexor-stretch",
        "name": "Half-kneeling hip flexor stretch",
        "kind": "stretch",
        "level": "beginner",
        "summary": (
            "Gently stretches the front of your hip on the side of the knee that rests on the "
            "floor."
        ),
        "target": (
            "Front of the hip and upper thigh on the kneeling side "
            "(hip flexors: iliopsoas, rectus femoris)"
        ),
        "start_position": (
            "Kneel on one knee on a mat or cushion, with the other foot flat on the floor in "
            "front of you. Both knees are bent to about a right angle."
        ),
        "cues": (
            "Kneel up tall, so your ear, shoulder, hip and knee make one straight line.\n"
            "Tuck your tailbone under and squeeze the buttock of the kneeling leg.\n"
            "Slowly ease your weight forward until you feel a stretch at the front of the "
            "back hip.\n"
            "Hold still and keep breathing slowly.\n"
            "Come back up, then swap legs."
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
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Rest one hand on a sturdy chair for balance. Or do the stretch standing up, with "
            "one foot a big step in front of the other."
        ),
        "harder_tip": (
            "Reach back and hold the foot of the kneeling leg, so that knee bends more. This "
            "also stretches the front of the thigh."
        ),
        "cautions": (
            "Put a cushion under the kneeling knee if it is sore.\n"
            "Stop if you feel pain rather than mild tightness.\n"
            "If you have had a hip replacement from the front (anterior approach), check with "
            "your surgeon or physio first: you must not push that hip too far backwards."
        ),
        "sources": (
            "Shira Kramer: kneeling hip flexor stretch — "
            "https://shirakramer.com.au/exercises/kneeling-hip-flexor-stretch\n"
            "Functional Movement Systems: half-kneeling hip flexor stretch — "
            "https://www.functionalmovement.com/Exercises/788/half_kneeling_hip_flexor_stretch\n"
            "Physiohealth: how to stretch the hip flexors — "
            "https://physiohealth.com.au/general-exercises/how-to-stretch-the-hip-flexors/\n"
            "Massachusetts General Hospital: exercises for the hip — "
            "https://docslib.org/doc/10794002/exercises-for-the-hip\n"
            "Sanctum: stretch course — "
            "https://www.sanctum.works/stretchcourse/niche-eszfp-plp93\n"
            "Fitness.com: lunge hip flexor stretch — "
            "https://www.fitness.com/en/workouts/lunge-hip-flexor-stretch\n"
            "Kathy Smith: lunge stretching — "
            "http://www.kathysmithreshape.com/home-featured/lunge-stretching\n"
            "Hendersonville Orthopedics: what are hip precautions? — "
            "http://www.hendersonvilleorthopedics.com/faq/what-are-hip-precautions/"
        ),
        "illustration_alt": (
            "A person kneels on one knee with the other foot in front and eases the hips "
            "forward to stretch the front of the back hip."
        ),
    },
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "kind": "strength",
        "level": "beginner",
        "summary": "Builds strength in your buttocks and the muscles around your trunk.",
        "target": "Buttock muscles and the muscles around your trunk (gluteus maximus, core)",
        "start_position": (
            "Lie on your back with your knees bent and your feet flat on the floor, "
            "hip-width apart. Rest your arms by your sides."
        ),
        "cues": (
            "Gently tighten your stomach muscles.\n"
            "Press through your heels and squeeze your buttocks to lift your hips.\n"
            "Stop when your shoulders, hips and knees make a straight line.\n"
            "Hold for a slow count of 2.\n"
            "Lower your hips slowly back to the floor."
        ),
        "mistakes": (
            "Lifting too high and arching your back: stop at the straight line from shoulders "
            "to knees.\n"
            "Cramp in the back of the thigh (hamstrings): move your feet a little closer to "
            "your bottom, or let your knees drift slightly apart."
        ),
        "equipment": ["mat"],
        "sets": 2,
        "reps": 10,
        "hold_seconds": None,
        "rest_seconds": 60,
        "per_side": False,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Keep your hips on the floor and just tilt your pelvis: flatten your lower back "
            "into the floor, then let it relax."
        ),
        "harder_tip": (
            "Rest your feet on a low step, and later lift one foot off the floor to bridge on "
            "one leg. A resistance band just above your knees adds more work."
        ),
        "cautions": (
            "If you have severe back pain or pain running down your leg (sciatica), check with "
            "your physio or GP before you start.\n"
            "Stop if your symptoms get worse or a new pain appears."
        ),
        "sources": (
            "Benchmark Physio: the glute bridge — "
            "https://benchmarkphysio.com.au/the-glute-bridge-exercise/\n"
            "UCSF Orthopaedic Institute: hip strengthening protocol — "
            "https://studylib.net/doc/27317708/hip-strengthening-protocol\n"
            "Protect Your Back 101: basic bridge — "
            "https://www.protectyourback101.com/lessons/b-basic-bridge-2/\n"
            "Jana Earl: how to do glute bridges — "
            "https://janaearl.com/en/article/how-to-do-glute-bridges/105\n"
            "Massachusetts General Hospital: exercises for the hip — "
            "https://docslib.org/doc/10794002/exercises-for-the-hip\n"
            "NHS inform: exercises for back pain — "
            "https://nhsinform-22072020-0700.azurewebsites.net/illnesses-and-conditions/"
            "muscle-bone-and-joints/exercises/exercises-for-back-pain\n"
            "APC Physio: single-leg bridge — "
            "https://members.apcphysio.ie/topic/single-leg-bridge/"
        ),
        "illustration_alt": (
            "A person lies on their back with knees bent and lifts the hips until shoulders, "
            "hips and knees form a straight line."
        ),
    },
    {
        "slug": "clamshell",
        "name": "Clamshell",
        "kind": "strength",
        "level": "beginner",
        "summary": "Strengthens the muscles at the side of your hip and buttock.",
        "target": "Side of your hip and buttock (gluteus medius and minimus)",
        "start_position": (
            "Lie on your side with your hips and knees stacked, hips bent forward a little and "
            "knees bent to a right angle. Your heels line up with your tailbone, and your head "
            "rests on a pillow."
        ),
        "cues": (
            "Keep your feet touching the whole time.\n"
            "Lift your top knee slowly, for a count of 2.\n"
            "Lift only as far as your pelvis stays still.\n"
            "Lower the knee slowly, for a count of 2.\n"
            "Breathe normally throughout."
        ),
        "mistakes": (
            "Top hip rolling backwards: make the lift smaller and keep your hips stacked.\n"
            "Your body rocking or twisting: lift less and keep your trunk still.\n"
            "Holding your breath: breathe out as you lift."
        ),
        "equipment": ["mat", "cushion"],
        "sets": 2,
        "reps": 10,
        "hold_seconds": None,
        "rest_seconds": 60,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": "Make the lift smaller and do fewer repetitions.",
        "harder_tip": (
            "Put a small loop band just above your knees. Later, your clinician may show you a "
            "version done with your hips lifted in a side plank."
        ),
        "cautions": (
            "Stop if it brings on back or hip pain, or if you can no longer keep your hips still."
        ),
        "sources": (
            "Human Kinetics: externally rotate the hip using the clam — "
            "http://www.humankinetics.com/news-and-excerpts/news-and-excerpts/"
            "externally-rotate-the-hip-without-extraneous-movement-using-the-clam\n"
            "Sharecare: what to avoid in side-lying clamshells — "
            "https://www.sharecare.com/health/types-of-exercise-programs/"
            "what-avoid-side-lying-clamshells\n"
            "UCSF Orthopaedic Institute: hip strengthening protocol — "
            "https://studylib.net/doc/27317708/hip-strengthening-protocol\n"
            "Fit-Pro: side-lying bridge clam — "
            "https://fit-pro.com/article-2335-Functionally-Fit-Side-lying-bridge-clam.html"
        ),
        "illustration_alt": (
            "A person lies on their side with knees bent and feet together, and lifts the top "
            "knee like a clamshell opening."
        ),
    },
    {
        "slug": "lunge-with-twist",
        "name": "Lunge with a twist",
        "kind": "strength",
        "level": "intermediate",
        "summary": (
            "Builds strength in your legs and buttocks while you practise turning your upper "
            "body with control."
        ),
        "target": (
            "Front of the thighs, buttocks, front of the back hip, and control as your trunk "
            "turns (quadriceps, glutes, hip flexors, trunk rotation)"
        ),
        "start_position": (
            "Stand tall with your feet hip-width apart and your arms held straight out in "
            "front of you."
        ),
        "cues": (
            "Step forward and bend both knees to about a right angle.\n"
            "Keep your front knee in line over your foot.\n"
            "Turn your chest toward the front leg, keeping your hips facing forward.\n"
            "Turn back to the middle.\n"
            "Push through your front foot to step back up to standing."
        ),
        "mistakes": (
            "Front knee falling inward: keep it over your foot and go less deep.\n"
            "Hips turning with your shoulders: keep your hips facing forward and turn only "
            "your chest.\n"
            "Only swinging your arms: turn your whole chest, with your arms following.\n"
            "Rushing or taking a short step: move slowly and step far enough for both knees to "
            "bend comfortably."
        ),
        "equipment": [],
        "sets": 2,
        "reps": 6,
        "hold_seconds": None,
        "rest_seconds": 60,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Keep one hand on a sturdy chair or a wall. Only go as low as you can keep your "
            "front knee in line over your foot."
        ),
        "harder_tip": (
            "Pause for 1 to 2 seconds while you are turned, or hold a light ball in both hands. "
            "Later, you can do it walking forward, one lunge after another."
        ),
        "cautions": (
            "Stop if you feel sharp knee pain, or strain in your back from turning too far.\n"
            "If you have had a hip replacement, check with your surgeon or physio first: "
            "twisting while standing is restricted in the early weeks."
        ),
        "sources": (
            "Go Lightweight: lunge with twist — "
            "https://golightweight.app/en/library/lunge-with-twist\n"
            "Pocket Rocket: lunge twist — https://pocketrocket.fit/exercises/lunge_twist/\n"
            "Beyond Health: walking lunge with rotational twist — "
            "https://beyondhealthus.com/resource-article/"
            "walking-lunge-with-rotational-twist-bodyweight-and-weighted\n"
            "Changing Shape: lunge — "
            "https://www.changingshape.com/exercises/lunge-lateral-anterior\n"
            "STACK: walking lunge with twist — "
            "https://www.stack.com/exercise/1860/walking-lunge-with-twist\n"
            "London Health Sciences Centre: hip precautions — "
            "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions"
        ),
        "illustration_alt": (
            "A person steps into a lunge with arms held forward and turns the chest toward the "
            "front leg."
        ),
    },
    {
        "slug": "deep-squat",
        "name": "Assisted deep squat",
        "kind": "mobility",
        "level": "beginner",
        "summary": (
            "Practises bending your hips, knees and ankles deeply while you hold a support, "
            "and works your thighs."
        ),
        "target": (
            "Bending at the hips, knees and ankles, and the front of the thighs and buttocks "
            "(hip, knee and ankle flexion; quadriceps, glutes)"
        ),
        "start_position": (
            "Stand facing a kitchen counter or a sturdy chair and hold it with both hands at "
            "about waist height. Place your feet shoulder-width apart or a little wider, toes "
            "forward or turned out slightly."
        ),
        "cues": (
            "Sit your hips back and down, as if onto a low seat.\n"
            "Keep your hips, knees and toes pointing the same way.\n"
            "Keep your heels on the floor.\n"
            "Move slowly, and don't bounce at the bottom.\n"
            "Breathe out and squeeze your buttocks to stand back up."
        ),
        "mistakes": (
            "Knees falling inward: keep them pointing over your toes, and go less deep.\n"
            "Heels lifting: don't go quite so low.\n"
            "Bouncing at the bottom: lower slowly and rise slowly."
        ),
        "equipment": ["chair"],
        "sets": 2,
        "reps": 8,
        "hold_seconds": None,
        "rest_seconds": 60,
        "per_side": False,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Go less deep, or hold a half squat still for 10 to 30 seconds. You can also "
            "practise standing up from a higher chair, pushing on the armrests."
        ),
        "harder_tip": "Hold on more lightly with your hands and, if comfortable, go deeper.",
        "cautions": (
            "If your knee hurts, squat only as deep as is pain-free; there should be no pain "
            "or swelling later that day or the next.\n"
            "After a hip replacement from the back or side, don't squat or bend the hip past "
            "a right angle for at least 6 weeks, or until your surgeon says you can."
        ),
        "sources": (
            "Virtual Fitness Trainer: squat holding on — "
            "http://virtualfitnesstrainer.com/exercise-instruction/squat-holding-on\n"
            "Kertz Coaching: should you stop squatting? — "
            "https://www.kertzcoaching.com/post/should-you-stop-squatting\n"
            "ACSM resistance training guidance — "
            "http://www.ssbjcc.org/blog/2014/05/23/fitness/resisitance-training-program-design/\n"
            "ACSM: stretching and flexibility guidelines — "
            "https://www.acsm.org/all-blog-posts/certification-blog/acsm-certified-blog/"
            "2021/03/18/stretching-and-flexibility-guidelines-update\n"
            "London Health Sciences Centre: hip precautions — "
            "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions\n"
            "Hendersonville Orthopedics: what are hip precautions? — "
            "http://www.hendersonvilleorthopedics.com/faq/what-are-hip-precautions/"
        ),
        "illustration_alt": (
            "A person holds a counter with both hands and sits the hips back and down into a "
            "deep squat, heels on the floor."
        ),
    },
    {
        "slug": "hamstring-stretch",
        "name": "Lying hamstring stretch",
        "kind": "stretch",
        "level": "beginner",
        "summary": "Gently stretches the back of your thigh while the floor supports your back.",
        "target": "Back of the thigh (hamstrings)",
        "start_position": (
            "Lie on your back with both knees bent and your feet flat on the floor. Loop a "
            "towel or strap behind one thigh or around that foot."
        ),
        "cues": (
            "Gently tighten your stomach muscles.\n"
            "Use the towel to bring that leg up toward your chest.\n"
            "Straighten the knee only as far as feels comfortable.\n"
            "Hold still and breathe slowly.\n"
            "Lower the leg slowly, then swap sides."
        ),
        "mistakes": (
            "Pulling on the knee itself: hold the towel or the back of your thigh instead.\n"
            "Pulling hard: ease off until you feel mild tightness, never pain."
        ),
        "equipment": ["mat", "towel"],
        "sets": 2,
        "reps": None,
        "hold_seconds": 30,
        "rest_seconds": 30,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Keep the knee of the stretching leg slightly bent, and keep your other knee bent "
            "with that foot on the floor."
        ),
        "harder_tip": (
            "Lay your other leg straight along the floor. You can also hold each stretch a "
            "little longer, up to 60 seconds."
        ),
        "cautions": (
            "Feel only mild tightness, never pain.\n"
            "Stop if your symptoms get worse or a new pain appears."
        ),
        "sources": (
            "Saint Luke's: supine hamstring stretch — "
            "https://www.saintlukeskc.org/health-library/supine-hamstring-stretch\n"
            "Saint Luke's: hamstring stretch with a towel — "
            "https://www.saintlukeskc.org/health-library/hamstring-stretch-towel\n"
            "Planfit: lying hamstring stretch — "
            "https://planfit.ai/exercise/lying-hamstring-stretch\n"
            "eMedX: hamstring stretch — "
            "http://www.emedx.com/powerknee/hamstring_stretch.htm\n"
            "Coast Chiropractic: hamstring stretch — http://coastchiropractic.com.au/1117-2/\n"
            "NHS inform: exercises for back pain — "
            "https://nhsinform-22072020-0700.azurewebsites.net/illnesses-and-conditions/"
            "muscle-bone-and-joints/exercises/exercises-for-back-pain"
        ),
        "illustration_alt": (
            "A person lies on their back and uses a towel around one foot to raise that leg "
            "toward the ceiling, gently straightening the knee."
        ),
    },
    {
        "slug": "butterfly-stretch",
        "name": "Butterfly stretch",
        "kind": "stretch",
        "level": "beginner",
        "summary": "Gently stretches your inner thighs as your knees open out to the sides.",
        "target": "Inner thighs, and the hips turning outward (adductors, hip external rotation)",
        "start_position": (
            "Sit up tall on the floor with the soles of your feet together and your knees "
            "dropping out to the sides."
        ),
        "cues": (
            "Sit tall through your back.\n"
            "Lean forward from your hips, keeping your back long.\n"
            "Press your thighs down gently with your hands or elbows.\n"
            "Stop at mild tightness in your inner thighs.\n"
            "Hold still and breathe slowly."
        ),
        "mistakes": (
            "Rounding your back to reach forward: lean from your hips and keep your chest "
            "lifted.\n"
            "Pushing your knees down hard: press only gently, to mild tightness."
        ),
        "equipment": ["mat", "cushion"],
        "sets": 2,
        "reps": None,
        "hold_seconds": 30,
        "rest_seconds": 30,
        "per_side": False,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Sit on a cushion, and slide your feet further away from you, which is kinder to "
            "your knees. Or do it lying on your back with the soles of your feet together."
        ),
        "harder_tip": "Draw your feet in closer to your body.",
        "cautions": (
            "Ease off if your knees feel uncomfortable.\nStop if you feel a pinch in your groin."
        ),
        "sources": (
            "Ascent PT: sitting adductor stretch, butterfly position — "
            "https://ascentpt.blog/2014/06/04/"
            "exercise-of-the-week-sitting-adductor-stretch-butterfly-position/\n"
            "TriStar Athletes: groin stretch — "
            "https://www.tristarathletes.com/sessions-blog/groinstretch\n"
            "FitnessPal: lying butterfly stretch — "
            "https://www.fitnesspal.in/workouts/exercise/lying-butterfly-stretch\n"
            "Pratic Connect: adductor stretch — "
            "https://praticonnect.com/en/encyclopedie/exercices-therapeutiques/"
            "exercices-hanches-membres-inferieurs/etirement-adducteurs\n"
            "B3 PT: butterfly stretch — https://b3pt.com/butterfly-stretch/"
        ),
        "illustration_alt": (
            "A person sits tall with the soles of the feet together and leans forward from "
            "the hips as the knees drop outward."
        ),
    },
    {
        "slug": "figure-four-stretch",
        "name": "Figure-4 stretch",
        "kind": "stretch",
        "level": "beginner",
        "summary": "Gently stretches the deep muscles of your buttock on the crossed-leg side.",
        "target": (
            "Deep muscles of the buttock and the back of the hip "
            "(hip external rotators such as piriformis, glutes)"
        ),
        "start_position": (
            "Lie on your back with both knees bent and your feet flat on the floor. Rest one "
            "ankle just above the other knee, so your legs make the shape of a number 4."
        ),
        "cues": (
            "Hold behind the thigh of the leg that is not crossed.\n"
            "Gently draw that thigh toward your chest.\n"
            "Feel the stretch in the buttock of the crossed leg.\n"
            "Hold still and breathe slowly, then swap sides."
        ),
        "mistakes": (
            "Forcing past comfort: ease back until you feel only mild tightness.\n"
            "Carrying on when you feel a pinch: stop and lower the leg."
        ),
        "equipment": ["mat", "towel"],
        "sets": 2,
        "reps": None,
        "hold_seconds": 30,
        "rest_seconds": 30,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Leave the bottom foot on the floor instead of lifting it. If you can't reach "
            "your thigh, loop a towel or strap around it."
        ),
        "harder_tip": "Lift the bottom foot off the floor and hug your shin instead of your thigh.",
        "cautions": (
            "Stop if you feel pain or a pinch.\n"
            "If you have had a hip replacement, check with your surgeon or physio first: "
            "crossing your legs and bending the hip past a right angle are restricted in the "
            "early weeks."
        ),
        "sources": (
            "Wellen: supine piriformis stretch — "
            "https://getwellen.com/exercises/supine-piriformis-stretch\n"
            "Dr Hardy: piriformis stretch — http://drhardy.org/Piriformis-Stretch.html\n"
            "Sports-Health: supine piriformis muscle stretch — "
            "https://www.sports-health.com/video/video-supine-piriformis-muscle-stretch-3\n"
            "The Prehab Guys: supine piriformis stretch — "
            "https://library.theprehabguys.com/vimeo-video/supine-piriformis-stretch/\n"
            "Self Care Institute: piriformis stretch — "
            "http://selfcare.institute/forum/index.php/30-low-back-pelvis-stretch-piriformis\n"
            "London Health Sciences Centre: hip precautions — "
            "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions"
        ),
        "illustration_alt": (
            "A person lies on their back with one ankle crossed over the other knee and draws "
            "the uncrossed thigh gently toward the chest."
        ),
    },
    {
        "slug": "ninety-ninety-switch",
        "name": "90/90 hip switch",
        "kind": "mobility",
        "level": "intermediate",
        "summary": (
            "Moves your hips slowly through turning inward and outward, one side then the other."
        ),
        "target": "Muscles that turn your hips in and out (hip rotators)",
        "start_position": (
            "Sit on the floor with one leg bent to a right angle in front of you and the other "
            "bent to a right angle out to the side. Put your hands on the floor behind you and "
            "sit tall."
        ),
        "cues": (
            "Lift both knees a little.\n"
            "Swing both legs across to the other side together.\n"
            "Land softly in the mirror position.\n"
            "Keep your chest up and your back tall.\n"
            "Pause for 2 to 3 seconds on each side."
        ),
        "mistakes": (
            "Slumping or leaning far back: sit tall and use your hands for support.\n"
            "Dropping down into position: move slowly and land softly.\n"
            "Forcing the range: only go as far as is comfortable."
        ),
        "equipment": ["mat"],
        "sets": 2,
        "reps": 10,
        "hold_seconds": None,
        "rest_seconds": 30,
        "per_side": False,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Lie on your back with your knees bent and feet flat on the floor, and let both "
            "knees drop slowly from side to side."
        ),
        "harder_tip": "Lean less on your hands, and pause longer on each side.",
        "cautions": (
            "If you have had a hip replacement, do this only with your surgeon's or physio's "
            "approval: turning the leg far in or out is restricted early on, and after "
            "surgery from the back, turning it inward is not allowed.\n"
            "Stop if it causes pain in your hip or back."
        ),
        "sources": (
            "MoDocs: hip switch — "
            "https://modocs.tumati.me/apply/training/exercise-library/hip-switch\n"
            "The Strength Kitchen: 90/90 hip rotations, lying — "
            "https://www.thestrengthkitchen.com/strength/9090-hip-rotations-supine\n"
            "London Health Sciences Centre: hip precautions — "
            "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions\n"
            "Justin LaReau MD: posterior hip precautions — "
            "http://justinlareaumd.com/hip-anatomy/treatments/posterior-hip-precautions/"
        ),
        "illustration_alt": (
            "A person sits with both legs bent at right angles, one in front and one to the "
            "side, and swings both knees over to the other side."
        ),
    },
    {
        "slug": "bird-dog",
        "name": "Bird dog",
        "kind": "control",
        "level": "beginner",
        "summary": (
            "Builds strength and staying power in your back, buttocks and trunk while you "
            "keep your body steady."
        ),
        "target": (
            "Muscles along your back, buttocks and trunk "
            "(back extensors, glutes, trunk stabilisers)"
        ),
        "start_position": (
            "Kneel on all fours with your hands under your shoulders and your knees under "
            "your hips. Keep your back level, neither arched nor rounded."
        ),
        "cues": (
            "Gently tighten your stomach muscles.\n"
            "Reach one arm forward and the opposite leg back, until both are level with your "
            "body, no higher.\n"
            "Push your heel back, as if pressing it against a wall.\n"
            "Hold still and keep breathing.\n"
            "Lower them slowly and swap sides."
        ),
        "mistakes": (
            "Back arching or sagging: lift the leg less and tighten your stomach again.\n"
            "Pelvis tipping or turning: keep both hips level, as if a cup of tea sat on your "
            "lower back.\n"
            "Leg lifted too high: stop when it is level with your body."
        ),
        "equipment": ["mat"],
        "sets": 5,
        "reps": None,
        "hold_seconds": 8,
        "rest_seconds": 10,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Move only one arm, or only one leg, at a time, keeping the other three on the floor."
        ),
        "harder_tip": (
            "First build up to 10 holds of 10 seconds on each side. After that, your clinician "
            "may add light weights or a version done from a push-up position."
        ),
        "cautions": (
            "If your wrists hurt, rest on your fists instead of flat hands.\n"
            "Kneel on a mat or a folded towel to protect your knees.\n"
            "Stop if your symptoms get worse or a new pain appears."
        ),
        "sources": (
            "Private Training: bird dog technique — "
            "http://www.private.training/2022/11/09/bird-dog-technique-mcgill-big-3-"
            "core-stability-core-endurance-training-for-lower-back-pain/\n"
            "Yahoo Style UK: McGill's exercise for back pain — "
            "https://uk.style.yahoo.com/exercise-relieve-back-pain-says-165500987.html\n"
            "Sarah Keates Andrews: bird dog — "
            "https://sarahkeatesandrews.com/Exercise+Database/Bird-Dog\n"
            "Protect Your Back 101: basic bird dog — "
            "https://www.protectyourback101.com/lessons/b-basic-bird-dog/\n"
            "Nashville Chiropractor: how to do the bird dog — "
            "https://nashville-chiropractor.com/how-to-do-the-bird-dog-exercise\n"
            "Maurie Cofman: bird dog — https://mauriecofman.com/Exercises/BirdDog.html\n"
            "Sports Center Morehead: a simple exercise — "
            "http://www.sportscentermorehead.com/_blog/Fitness_Blog/post/"
            "reap-the-benefits-of-this-simple-exercise/"
        ),
        "illustration_alt": (
            "A person on hands and knees reaches one arm forward and the opposite leg back "
            "until both are level with the body."
        ),
    },
    {
        "slug": "dead-bug",
        "name": "Dead bug",
        "kind": "control",
        "level": "beginner",
        "summary": (
            "Trains your deep stomach muscles to keep your lower back steady while your arms "
            "and legs move."
        ),
        "target": "Deep stomach muscles that stop your lower back from arching (deep abdominals)",
        "start_position": (
            "Lie on your back with your arms pointing to the ceiling. Lift your legs so your "
            "hips and knees are bent to right angles."
        ),
        "cues": (
            "Gently flatten your lower back toward the floor.\n"
            "Breathe out as you slowly lower one arm behind your head and the opposite leg "
            "toward the floor.\n"
            "Stop before your lower back starts to lift.\n"
            "Bring them back to the start.\n"
            "Swap to the other arm and leg."
        ),
        "mistakes": (
            "Lower back arching off the floor: make the movement smaller.\n"
            "Moving too far or too fast: go slowly, and only as far as you can stay in "
            "control."
        ),
        "equipment": ["mat"],
        "sets": 2,
        "reps": 8,
        "hold_seconds": None,
        "rest_seconds": 60,
        "per_side": True,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Keep your knees bent and just tap one heel down at a time. Or move only your "
            "legs, or only your arms."
        ),
        "harder_tip": (
            "First build up to 3 sets of 10 to 12 on each side. After that, hold light weights "
            "or use a resistance band."
        ),
        "cautions": (
            "If it brings on your usual pain, make the movement smaller, or leave it out and "
            "tell your clinician."
        ),
        "sources": (
            "Rexum: dead bug — https://rexum.app/exercises/dead-bug\n"
            "FitThrive: core stability dead bug — "
            "http://fitthrive.com/articles/core-stability-deadbug\n"
            "Living and Health: dead bugs for core stability — "
            "https://www.livingandhealth.com/exercises/dead-bugs-for-core-stability\n"
            "Great Rock Bible: dead bug — "
            "https://greatrockbible.com/core-exercise-dead-bug/"
        ),
        "illustration_alt": (
            "A person lies on their back with arms up and knees bent, lowering one arm "
            "overhead and the opposite leg toward the floor."
        ),
    },
    {
        "slug": "cat-camel",
        "name": "Cat-camel",
        "kind": "mobility",
        "level": "beginner",
        "summary": (
            "Gently moves your back through rounding and dipping, without load; the aim is "
            "easy movement, not a stretch."
        ),
        "target": "Your whole back, bending gently forward and back (spinal flexion and extension)",
        "start_position": (
            "Kneel on all fours with your hands under your shoulders and your knees under "
            "your hips."
        ),
        "cues": (
            "Round your back up toward the ceiling, bringing your head and tailbone closer "
            "together.\n"
            "Then let your back dip gently toward the floor.\n"
            "Take about 3 to 4 seconds for each full round.\n"
            "Move smoothly, and don't push at either end."
        ),
        "mistakes": (
            "Forcing the end positions: stay in the easy, comfortable part of the movement.\n"
            "Rushing: slow down to about 3 to 4 seconds for each round.\n"
            "Shrugging your shoulders up to your ears: keep your neck long and shoulders "
            "relaxed."
        ),
        "equipment": ["mat"],
        "sets": 1,
        "reps": 6,
        "hold_seconds": None,
        "rest_seconds": 0,
        "per_side": False,
        "easier": None,
        "harder": "bird-dog",
        "easier_tip": "Move only within a range that is free of pain, even if it is small.",
        "harder_tip": (
            "This is not usually made harder, and doing more rounds adds little. Once it "
            "feels easy, it can lead on to the bird dog."
        ),
        "cautions": (
            "If bending forward tends to flare up your back, keep the rounding small or check "
            "with your clinician.\n"
            "If your wrists hurt, rest on your fists instead of flat hands."
        ),
        "sources": (
            "Best Health: cat-camel back stretch — "
            "https://www.besthealthmag.ca/article/cat-camel-back-stretch/\n"
            "Napanee Chiropractic: cat and camels — "
            "https://napaneechiropractic.com/index.php/2010/01/22/"
            "cat-and-camels-great-warm-ups-for-your-day/\n"
            "Remi Sovran: cat-camel spine mobilization — "
            "http://www.remisovran.com/sport-performance/cat-camel-spine-mobilization\n"
            "Sports Center Morehead: a simple exercise — "
            "http://www.sportscentermorehead.com/_blog/Fitness_Blog/post/"
            "reap-the-benefits-of-this-simple-exercise/"
        ),
        "illustration_alt": (
            "A person on hands and knees rounds the back up toward the ceiling, then lets it "
            "dip gently toward the floor."
        ),
    },
    {
        "slug": "childs-pose",
        "name": "Child's pose",
        "kind": "stretch",
        "level": "beginner",
        "summary": "A restful position that gently stretches your lower back, hips and thighs.",
        "target": "Lower back, hips and thighs (lumbar spine, hip flexion)",
        "start_position": (
            "Kneel on a mat with your knees hip-width apart and your big toes touching."
        ),
        "cues": (
            "Breathe out and sit your bottom back toward your heels.\n"
            "Fold your body forward over your thighs.\n"
            "Rest your forehead on the floor or on a cushion.\n"
            "Let your arms rest along your sides.\n"
            "Breathe slowly and let your back relax."
        ),
        "mistakes": (
            "Forcing your bottom down to your heels when your knees hurt: stop higher up, "
            "with a cushion between your bottom and heels.\n"
            "Stretching past comfort: ease back until you feel only mild tightness."
        ),
        "equipment": ["mat", "cushion"],
        "sets": 2,
        "reps": None,
        "hold_seconds": 30,
        "rest_seconds": 30,
        "per_side": False,
        "easier": None,
        "harder": None,
        "easier_tip": (
            "Put a cushion between your bottom and heels, a rolled towel under your ankles, "
            "or a cushion under your head. If kneeling is hard, ask your clinician about a "
            "chair-supported version, or lie on your back and hug your knees to your chest."
        ),
        "harder_tip": "Stretch your arms forward along the floor and let your knees go wider.",
        "cautions": (
            "With knee or ankle problems, don't sit right back onto your heels; use a cushion "
            "or the lying version.\n"
            "If you have had a hip replacement, check with your surgeon or physio first: "
            "deep bending at the hip is restricted in the early weeks.\n"
            "Stop if you feel pain rather than mild tightness."
        ),
        "sources": (
            "Gaia: child's pose — http://www.gaia.com/pose/child-pose-balasana\n"
            "Fluid Health: stretch your back — "
            "https://fluidhealth.com.au/index.php/2017/02/03/stretch-your-back/\n"
            "The Expanding Light: child's pose and knee problems — "
            "https://www.expandinglight.org/free/yoga-teacher/advice/"
            "balasana-knee-problems.php\n"
            "Deanna Houston: child's pose — "
            "https://deannahouston.com/post/pose-of-the-month-balasana-child-s-pose\n"
            "NHS: lower back pain exercises — "
            "nhs.uk/live-well/exercise/lower-back-pain-exercises/, 2019 copy\n"
            "London Health Sciences Centre: hip precautions — "
            "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions"
        ),
        "illustration_alt": (
            "A person kneels and sits back toward the heels, folding forward with the "
            "forehead resting on a cushion."
        ),
    },
]


LINKS = ("easier", "harder")


def load(apps) -> None:
    """Create or update the shipped exercises. `apps` is the migration's historical app
    registry, or django.apps.apps for seed_demo and the tests; safe to repeat."""
    Equipment = apps.get_model("exercises", "Equipment")
    Exercise = apps.get_model("exercises", "Exercise")
    kit = {}
    for slug, name in EQUIPMENT:
        kit[slug], _ = Equipment.objects.get_or_create(slug=slug, defaults={"name": name})
    for entry in EXERCISES:
        fields = {
            key: value for key, value in entry.items() if key not in ("slug", "equipment", *LINKS)
        }
        fields["illustration"] = f"img/exercises/{entry['slug']}.svg"
        fields["published"] = True
        exercise, _ = Exercise.objects.update_or_create(slug=entry["slug"], defaults=fields)
        exercise.equipment.set([kit[slug] for slug in entry["equipment"]])
    by_slug = {e.slug: e for e in Exercise.objects.filter(slug__in=[x["slug"] for x in EXERCISES])}
    for entry in EXERCISES:
        exercise = by_slug[entry["slug"]]
        for link in LINKS:
            setattr(exercise, f"{link}_id", by_slug[entry[link]].pk if entry[link] else None)
        exercise.save(update_fields=list(LINKS))


def unload(apps) -> None:
    Exercise = apps.get_model("exercises", "Exercise")
    Exercise.objects.filter(slug__in=[entry["slug"] for entry in EXERCISES]).delete()
