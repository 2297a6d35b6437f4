/**
 * The held-out suite: laws from outside the Feynman lectures (biology, chemistry, materials,
 * engineering, pharmacology, ecology), each with its source and the ranges its inputs are drawn from.
 * Written down before any tuning of the search (issue 14) and kept fixed since, so that the search is
 * never tuned to the Feynman set alone. Formulas use the Feynman table's syntax (Python `**`), so the
 * Feynman benchmark's data generation and recovery check apply unchanged. Physical constants that are
 * not inputs (R, F, g, k_B/h, thermal voltage) appear as numbers; material constants that a fit would
 * estimate are inputs where the literature varies them, as the Feynman table does.
 */
import type { FeynmanProblem } from "../src/data/feynman.js";

/** One held-out law: a Feynman-shaped problem plus its field and source. */
export interface HeldoutLaw extends FeynmanProblem {
  field: "biology" | "chemistry" | "materials" | "engineering" | "pharmacology" | "ecology" | "physics";
  /** Where the law is stated (textbook or paper). */
  source: string;
}

const law = (id: string, field: HeldoutLaw["field"], output: string, formula: string, vars: [string, number, number][], source: string): HeldoutLaw => ({
  id,
  field,
  output,
  formula,
  variables: vars.map(([name, low, high]) => ({ name, low, high })),
  source,
});

/** The suite (36 laws). Ids are stable: results files key on them. */
export const HELDOUT_LAWS: HeldoutLaw[] = [
  law("michaelis-menten", "biology", "v", "Vmax*S/(Km + S)", [["Vmax", 1, 5], ["S", 0.1, 10], ["Km", 0.5, 5]], "Michaelis & Menten 1913; Berg, Tymoczko & Stryer, Biochemistry, ch. 8"),
  law("hill", "biology", "theta", "L**3/(K**3 + L**3)", [["L", 0.2, 5], ["K", 0.5, 3]], "Hill 1910, J. Physiol. 40; Alon, An Introduction to Systems Biology, ch. 2 (n = 3)"),
  law("logistic", "ecology", "N", "K/(1 + (K/N0 - 1)*exp(-r*t))", [["K", 50, 100], ["N0", 1, 10], ["r", 0.1, 1], ["t", 0, 10]], "Verhulst 1838; Murray, Mathematical Biology I, §1.1"),
  law("monod-haldane", "biology", "mu", "mu_max*S/(Ks + S + S**2/Ki)", [["mu_max", 0.2, 1], ["S", 0.1, 20], ["Ks", 0.5, 3], ["Ki", 5, 30]], "Andrews 1968, Biotechnol. Bioeng. 10 (substrate-inhibited Monod kinetics)"),
  law("arrhenius", "chemistry", "k", "A*exp(-Ea/(8.314*T))", [["A", 1, 10], ["Ea", 10000, 30000], ["T", 300, 600]], "Arrhenius 1889; Atkins & de Paula, Physical Chemistry, §18.1"),
  law("eyring", "chemistry", "k", "2.0837e10*T*exp(-dG/(8.314*T))", [["T", 280, 380], ["dG", 60000, 80000]], "Eyring 1935, J. Chem. Phys. 3; Atkins & de Paula, §18.4 (k_B/h = 2.0837e10 1/(K s))"),
  law("norton-creep", "materials", "eps_rate", "A*sigma**5*exp(-Q/(8.314*T))", [["A", 1, 5], ["sigma", 10, 100], ["Q", 100000, 300000], ["T", 800, 1200]], "Norton 1929; Frost & Ashby, Deformation-Mechanism Maps, ch. 2 (power-law creep, n = 5)"),
  law("hall-petch", "materials", "sigma_y", "sigma0 + k/sqrt(d)", [["sigma0", 50, 200], ["k", 100, 500], ["d", 1, 100]], "Hall 1951; Petch 1953; Callister, Materials Science and Engineering, §7.8"),
  law("paris", "materials", "dadN", "C*(dsigma*sqrt(pi*a))**3", [["C", 1, 5], ["dsigma", 50, 200], ["a", 0.001, 0.02]], "Paris & Erdogan 1963, J. Basic Eng. 85 (m = 3); Dowling, Mechanical Behavior of Materials, ch. 11"),
  law("basquin", "materials", "sigma_a", "sf*(2*N)**(-0.09)", [["sf", 500, 1000], ["N", 1000, 1000000]], "Basquin 1910; Dowling, Mechanical Behavior of Materials, §9.6 (b = −0.09)"),
  law("coffin-manson", "materials", "eps_a", "sf/200000*(2*N)**(-0.1) + ef*(2*N)**(-0.6)", [["sf", 800, 1200], ["ef", 0.2, 0.6], ["N", 100, 100000]], "Coffin 1954; Manson 1953; Dowling, §14.3 (E = 200 GPa, b = −0.1, c = −0.6)"),
  law("lennard-jones", "chemistry", "V", "4*eps*((sigma/r)**12 - (sigma/r)**6)", [["eps", 0.5, 2], ["sigma", 1, 1.5], ["r", 1.2, 3]], "Lennard-Jones 1924, Proc. R. Soc. A 106; Israelachvili, Intermolecular and Surface Forces, ch. 7"),
  law("morse", "chemistry", "V", "De*(1 - exp(-a*(r - re)))**2", [["De", 1, 5], ["a", 1, 3], ["r", 0.5, 3], ["re", 0.8, 1.5]], "Morse 1929, Phys. Rev. 34; Atkins & Friedman, Molecular Quantum Mechanics, ch. 10"),
  law("buckingham", "chemistry", "V", "A*exp(-B*r) - C/r**6", [["A", 1000, 2000], ["B", 2, 4], ["C", 10, 50], ["r", 1.5, 4]], "Buckingham 1938, Proc. R. Soc. A 168 (exp-6 potential)"),
  law("worm-like-chain", "biology", "F", "kT/P*(1/(4*(1 - x/L)**2) - 1/4 + x/L)", [["kT", 3.5, 4.5], ["P", 40, 60], ["x", 100, 900], ["L", 1000, 1500]], "Marko & Siggia 1995, Macromolecules 28 (interpolation formula)"),
  law("freely-jointed-chain", "biology", "x", "L*(1/tanh(F*b/kT) - kT/(F*b))", [["L", 100, 200], ["F", 0.5, 10], ["b", 1, 3], ["kT", 3.5, 4.5]], "Langevin function; Rubinstein & Colby, Polymer Physics, §7.2"),
  law("single-slit", "physics", "I", "I0*(sin(pi*a*sin(theta)/lam)/(pi*a*sin(theta)/lam))**2", [["I0", 1, 2], ["a", 1, 3], ["theta", 0.05, 0.4], ["lam", 0.4, 0.8]], "Fraunhofer diffraction; Hecht, Optics, §10.2.1"),
  law("bragg", "materials", "d", "n*lam/(2*sin(theta))", [["n", 1, 3], ["lam", 0.1, 0.2], ["theta", 0.2, 1.2]], "Bragg & Bragg 1913, Proc. R. Soc. A 88; Cullity, Elements of X-Ray Diffraction, ch. 3"),
  law("henderson-hasselbalch", "chemistry", "pH", "pKa + log(A/HA)/log(10)", [["pKa", 3, 9], ["A", 0.01, 1], ["HA", 0.01, 1]], "Henderson 1908; Hasselbalch 1917; Atkins & de Paula, §6.4"),
  law("nernst", "chemistry", "E", "E0 - 8.314*T/(n*96485)*log(Q)", [["E0", 0, 1], ["T", 280, 350], ["n", 1, 3], ["Q", 0.01, 100]], "Nernst 1889; Bard & Faulkner, Electrochemical Methods, §2.1"),
  law("hagen-poiseuille", "engineering", "Q", "pi*r**4*dP/(8*mu*L)", [["r", 0.001, 0.01], ["dP", 100, 10000], ["mu", 0.001, 0.1], ["L", 0.1, 10]], "Hagen 1839; Poiseuille 1840; White, Fluid Mechanics, §4.10"),
  law("stokes-settling", "engineering", "v", "2/9*(rho_p - rho_f)*9.81*r**2/mu", [["rho_p", 2000, 3000], ["rho_f", 900, 1100], ["r", 0.00001, 0.0001], ["mu", 0.001, 0.01]], "Stokes 1851; White, Fluid Mechanics, §7.6"),
  law("darcy-weisbach-blasius", "engineering", "dP", "0.316*(rho*v*D/mu)**(-0.25)*L/D*rho*v**2/2", [["rho", 900, 1100], ["v", 0.5, 3], ["D", 0.01, 0.1], ["mu", 0.0005, 0.002], ["L", 1, 10]], "Darcy–Weisbach with Blasius 1913 friction; White, Fluid Mechanics, §6.6"),
  law("bateman", "pharmacology", "C", "D*ka/(V*(ka - ke))*(exp(-ke*t) - exp(-ka*t))", [["D", 100, 500], ["ka", 1, 3], ["ke", 0.1, 0.5], ["V", 10, 50], ["t", 0.5, 24]], "Bateman 1910; Rowland & Tozer, Clinical Pharmacokinetics, ch. 6 (one compartment, first-order absorption)"),
  law("emax", "pharmacology", "E", "E0 + Emax*C/(EC50 + C)", [["E0", 0, 10], ["Emax", 50, 100], ["C", 0.1, 20], ["EC50", 1, 5]], "Holford & Sheiner 1981, Clin. Pharmacokinet. 6"),
  law("sigmoid-emax", "pharmacology", "E", "Emax*C**2/(EC50**2 + C**2)", [["Emax", 50, 100], ["C", 0.1, 20], ["EC50", 1, 5]], "Holford & Sheiner 1981 (Hill coefficient 2)"),
  law("gompertz", "biology", "N", "K*exp(log(N0/K)*exp(-r*t))", [["K", 50, 100], ["N0", 1, 10], ["r", 0.1, 1], ["t", 0, 10]], "Gompertz 1825; Laird 1964, Br. J. Cancer 18 (tumour growth)"),
  law("von-bertalanffy", "ecology", "Lt", "Linf*(1 - exp(-k*(t - t0)))", [["Linf", 50, 100], ["k", 0.1, 0.5], ["t", 1, 20], ["t0", -1, 0]], "von Bertalanffy 1938, Hum. Biol. 10; Beverton & Holt 1957"),
  law("kleiber", "biology", "B", "3.4*M**0.75", [["M", 0.01, 1000]], "Kleiber 1932, Hilgardia 6 (B in W, M in kg)"),
  law("langmuir", "chemistry", "theta", "K*P/(1 + K*P)", [["K", 0.1, 5], ["P", 0.1, 10]], "Langmuir 1918, J. Am. Chem. Soc. 40; Atkins & de Paula, §25.3"),
  law("bet", "chemistry", "v", "vm*c*x/((1 - x)*(1 - x + c*x))", [["vm", 1, 5], ["c", 10, 200], ["x", 0.05, 0.35]], "Brunauer, Emmett & Teller 1938, J. Am. Chem. Soc. 60"),
  law("antoine", "chemistry", "P", "10**(8.07131 - 1730.63/(233.426 + T))", [["T", 1, 100]], "Antoine 1888; water constants (mmHg, °C) from the CRC Handbook / NIST"),
  law("clausius-clapeyron", "chemistry", "P", "P0*exp(Lv/8.314*(1/T0 - 1/T))", [["P0", 1, 2], ["Lv", 30000, 45000], ["T0", 350, 375], ["T", 300, 400]], "Clausius 1850; Atkins & de Paula, §4.3"),
  law("debye-relaxation", "physics", "eps_r", "eps_inf + (eps_s - eps_inf)/(1 + (omega*tau)**2)", [["eps_inf", 2, 5], ["eps_s", 20, 80], ["omega", 0.1, 10], ["tau", 0.1, 2]], "Debye 1929, Polar Molecules; Kremer & Schönhals, Broadband Dielectric Spectroscopy, ch. 1"),
  law("shockley-diode", "engineering", "I", "Is*(exp(V/(n*0.025852)) - 1)", [["Is", 1, 10], ["V", 0.05, 0.4], ["n", 1, 2]], "Shockley 1949, Bell Syst. Tech. J. 28; Sze, Physics of Semiconductor Devices, ch. 2 (V_T at 300 K)"),
  law("beer-lambert", "chemistry", "I", "I0*10**(-eps*c*l)", [["I0", 1, 2], ["eps", 0.1, 1], ["c", 0.1, 2], ["l", 0.5, 2]], "Beer 1852; Atkins & de Paula, §13.1"),
  law("holling-type-2", "ecology", "f", "a*N/(1 + a*h*N)", [["a", 0.1, 2], ["h", 0.1, 1], ["N", 1, 50]], "Holling 1959, Can. Entomol. 91 (disc equation)"),
  law("ricker", "ecology", "N1", "N*exp(r*(1 - N/K))", [["N", 1, 100], ["r", 0.5, 2], ["K", 50, 150]], "Ricker 1954, J. Fish. Res. Board Can. 11"),
  law("beverton-holt", "ecology", "N1", "R0*N/(1 + N/M)", [["R0", 1, 5], ["N", 1, 100], ["M", 20, 200]], "Beverton & Holt 1957, On the Dynamics of Exploited Fish Populations"),
];
